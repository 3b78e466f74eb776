// The now-playing bar at the bottom of the window: what plays, the transport controls, position
// and volume sliders, shuffle and repeat; and, for a format the UI cannot decode, the way out to
// the system's player.
import type { ButtonHTMLAttributes } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { Cover } from '../../components/Cover.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatTime } from './format-time.ts';
import { PlayerIcon, type PlayerIconName } from './PlayerIcon.tsx';
import { formatName } from './playable-formats.ts';
import { usePlayer } from './player-context.tsx';
import './player.css';

export function NowPlayingBar() {
  const i18n = useI18n();
  const player = usePlayer();
  const { item, queue, status } = player;
  if (!item || !queue) return null;

  const playing = status === 'playing' || status === 'loading';
  const known = Number.isFinite(player.duration) && player.duration > 0;
  const position = Math.min(player.currentTime, known ? player.duration : player.currentTime);
  const percent = Math.round(player.volume * 100);
  const blocked = status === 'unsupported' || status === 'failed';

  return (
    <section className="now-playing" aria-label={i18n.t('player.bar')} data-testid="now-playing">
      <div className="now-playing-track">
        <div className="now-playing-cover" aria-hidden="true">
          <Cover source="library" albumId={item.albumId} size={96} title={item.album} />
        </div>
        <div className="now-playing-text">
          <span className="visually-hidden">{i18n.t('player.nowPlaying')}: </span>
          <strong className="now-playing-title" data-testid="now-playing-title" title={item.title}>
            {item.title}
          </strong>
          <span className="now-playing-artist muted" title={`${item.artist} — ${item.album}`}>
            {i18n.t('player.byArtist', { artist: item.artist, album: item.album })}
          </span>
          <span className="now-playing-meta muted">
            {i18n.t('player.position', { index: queue.position + 1, count: queue.order.length })}
            {player.gain.db !== null && player.gain.db !== 0
              ? ` · ${i18n.t('player.replayGain.applied', { gain: i18n.number(player.gain.db) })}`
              : ''}
          </span>
        </div>
      </div>

      <div className="now-playing-center">
        <div className="now-playing-controls">
          <ControlButton
            label={i18n.t('player.shuffle')}
            icon="shuffle"
            aria-pressed={queue.shuffle}
            onClick={player.toggleShuffle}
          />
          <ControlButton label={i18n.t('player.previous')} icon="previous" onClick={player.previous} />
          <ControlButton
            main
            label={playing ? i18n.t('player.pause') : i18n.t('player.play')}
            icon={playing ? 'pause' : 'play'}
            onClick={player.toggle}
            disabled={status === 'unsupported'}
            data-testid="player-toggle"
          />
          <ControlButton label={i18n.t('player.next')} icon="next" onClick={player.next} />
          <ControlButton
            label={i18n.t(`player.repeat.${queue.repeat}`)}
            icon={queue.repeat === 'one' ? 'repeatOne' : 'repeat'}
            aria-pressed={queue.repeat !== 'off'}
            onClick={player.cycleRepeat}
            data-repeat={queue.repeat}
          />
        </div>
        {blocked ? (
          <div className="now-playing-problem" role="alert">
            <span>
              {status === 'unsupported'
                ? i18n.t('player.unsupported', { format: formatName(item.encoding) })
                : i18n.t('player.failed')}
            </span>
            <button type="button" className="button" onClick={player.openInSystemPlayer}>
              {i18n.t('player.openSystem')}
            </button>
          </div>
        ) : (
          <div className="now-playing-seek">
            <span className="now-playing-time" aria-hidden="true">
              {formatTime(position)}
            </span>
            <input
              type="range"
              className="player-slider"
              aria-label={i18n.t('player.seek')}
              aria-valuetext={i18n.t('player.seek.valueText', {
                position: formatTime(position),
                duration: formatTime(player.duration),
              })}
              min={0}
              max={known ? player.duration : 0}
              step={1}
              value={known ? position : 0}
              disabled={!known}
              onChange={(e) => player.seek(Number(e.target.value))}
              data-testid="player-seek"
            />
            <span className="now-playing-time" aria-hidden="true">
              {formatTime(player.duration)}
            </span>
          </div>
        )}
        {player.openError ? <ErrorNotice error={player.openError} /> : null}
      </div>

      <div className="now-playing-volume">
        <ControlButton
          label={player.muted ? i18n.t('player.unmute') : i18n.t('player.mute')}
          icon={player.muted || player.volume === 0 ? 'mute' : 'volume'}
          aria-pressed={player.muted}
          onClick={player.toggleMute}
        />
        <input
          type="range"
          className="player-slider player-volume"
          aria-label={i18n.t('player.volume')}
          aria-valuetext={i18n.t('player.volume.valueText', { percent: player.muted ? 0 : percent })}
          min={0}
          max={100}
          step={5}
          value={player.muted ? 0 : percent}
          onChange={(e) => player.setVolume(Number(e.target.value) / 100)}
        />
        <ControlButton label={i18n.t('player.close')} icon="close" onClick={player.stop} />
      </div>
    </section>
  );
}

type ControlButtonProps = { label: string; icon: PlayerIconName; main?: boolean } & Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'className' | 'aria-label' | 'title' | 'children'
>;

/** A round icon button: its label is both its accessible name and its tooltip. */
function ControlButton({ label, icon, main = false, ...rest }: ControlButtonProps) {
  return (
    <button
      type="button"
      className={main ? 'player-button player-button-main' : 'player-button'}
      aria-label={label}
      title={label}
      {...rest}
    >
      <PlayerIcon name={icon} />
    </button>
  );
}
