import type { common as en } from '../en/common.ts';
import type { Translation } from '../translation.ts';

export const common: Translation<typeof en> = {
  'common.language.system': 'Системный',
  'common.language.en': 'English',
  'common.language.ru': 'Русский',
  'common.count.tracks': '{count, plural, one {# трек} few {# трека} many {# треков} other {# трека}}',
  'common.count.albums':
    '{count, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}}',
  'common.count.files': '{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}',
  'common.count.megabytes':
    '{count, plural, one {# мегабайт} few {# мегабайта} many {# мегабайт} other {# мегабайта}}',
  'common.unit.bytes': '{count, number} Б',
  'common.none': '—',
  'common.ok': 'ОК',
  'common.cancel': 'Отмена',
  'common.close': 'Закрыть',
  'common.retry': 'Повторить',
  'common.save': 'Сохранить',
  'common.loading': 'Загрузка…',
  'common.error.code': 'Код ошибки: {code}',
  'common.error.details': 'Технические подробности',
  'common.tryAgain': 'Попробовать снова',
};
