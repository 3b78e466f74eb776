// Playback: ReplayGain for the library player, saved the moment it is picked (like the theme).
import { useState } from 'react';
import type { ReplayGainMode, Settings } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RadioChoice } from './RadioChoice.tsx';

const MODES: readonly ReplayGainMode[] = ['off', 'track', 'album'];

export function PlaybackSection({ saved }: { saved: Settings | null }) {
  const i18n = useI18n();
  const api = useApi();
  const [picked, setPicked] = useState<ReplayGainMode | null>(null);
  const [error, setError] = useState<MegadiscError | null>(null);
  const mode = picked ?? saved?.replayGain ?? 'off';
  const choose = (next: ReplayGainMode) => {
    setPicked(next);
    setError(null);
    api['settings.update']({ replayGain: next }).then(
      () => setPicked(null),
      (e: MegadiscError) => {
        setPicked(null);
        setError(e);
      },
    );
  };
  return (
    <section className="card settings-section" aria-labelledby="settings-playback">
      <h2 id="settings-playback">{i18n.t('player.settings.title')}</h2>
      <RadioChoice
        name="replayGain"
        legend={i18n.t('player.settings.replayGain')}
        options={MODES}
        value={mode}
        onChange={choose}
        label={(m) => i18n.t(`player.settings.replayGain.${m}`)}
        hint={(m) => i18n.t(`player.settings.replayGain.${m}.hint`)}
        note={i18n.t('player.settings.replayGain.applied')}
      />
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
