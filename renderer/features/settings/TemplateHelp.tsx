// What a path template may contain: the core's fields (electron/core/library/template-fields.ts)
// and its syntax (path-template.ts), in words. Template syntax itself ({album}, <…>, :02) is the same
// in every language, so it goes into the sentences as arguments, never into the catalog text.
import { useI18n } from '../../app/i18n-context.tsx';
import { richText } from '../../components/rich-text.tsx';

type Field =
  | 'albumartist'
  | 'artist'
  | 'album'
  | 'title'
  | 'track'
  | 'tracktotal'
  | 'disc'
  | 'disctotal'
  | 'year'
  | 'date'
  | 'genre'
  | 'label'
  | 'isrc'
  | 'encoding'
  | 'codec'
  | 'ext';

const FIELDS: Field[] = [
  'albumartist',
  'artist',
  'album',
  'title',
  'track',
  'tracktotal',
  'disc',
  'disctotal',
  'year',
  'date',
  'genre',
  'label',
  'isrc',
  'encoding',
  'codec',
  'ext',
];

export const DEFAULT_TEMPLATE =
  '{albumartist}/<{year} - >{album} [{encoding}]/<{disc}->{track:02} {title}.{ext}';

const code = (text: string) => <code>{text}</code>;

export function TemplateHelp() {
  const i18n = useI18n();
  const describe = (field: Field) =>
    field === 'track'
      ? i18n.t('settings.template.field.track', { example: '{track:02}' })
      : i18n.t(`settings.template.field.${field}`);
  return (
    <details className="template-help">
      <summary>{i18n.t('settings.template.help')}</summary>
      <div className="template-help-body">
        <table className="table template-fields">
          <caption className="visually-hidden">{i18n.t('settings.template.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('settings.template.field')}</th>
              <th scope="col">{i18n.t('settings.template.inserts')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((field) => (
              <tr key={field}>
                <td>
                  <code>{`{${field}}`}</code>
                </td>
                <td>{describe(field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="template-syntax">
          <li>{richText(i18n, 'settings.template.syntax.folder', { slash: code('/') })}</li>
          <li>
            {richText(i18n, 'settings.template.syntax.optional', {
              brackets: code('<…>'),
              example: code('<{disc}->'),
            })}
          </li>
          <li>
            {richText(i18n, 'settings.template.syntax.pad', {
              from: code(':02'),
              to: code(':09'),
              upper: code(':upper'),
              lower: code(':lower'),
              initial: code(':initial'),
              example: code('{albumartist:initial}'),
            })}
          </li>
          <li>
            {richText(i18n, 'settings.template.syntax.ascii', {
              ascii: code(':ascii'),
              example: code('{title:ascii}'),
            })}
          </li>
          <li>
            {richText(i18n, 'settings.template.syntax.braces', { open: code('{{'), close: code('}}') })}
          </li>
        </ul>
      </div>
    </details>
  );
}
