import type { shell as en } from '../en/shell.ts';
import type { Translation } from '../translation.ts';

export const shell: Translation<typeof en> = {
  'shell.skipLink': 'Перейти к содержимому',
  'shell.nav.label': 'Разделы',
  'shell.nav.store': 'Магазин',
  'shell.nav.downloads': 'Загрузки',
  'shell.nav.library': 'Фонотека',
  'shell.nav.account': 'Аккаунт',
  'shell.nav.settings': 'Настройки',
  'shell.status.label': 'Баланс',
  'shell.status.available': 'Доступно',
  'shell.status.reserved': '{size} в резерве',
  'shell.offline': 'Нет связи — магазин недоступен',
  'shell.offline.asOf': 'Нет связи — магазин недоступен; баланс на {time}',
  'shell.search.label': 'Поиск в магазине',
  'shell.search.placeholder': 'Исполнители, альбомы, треки',
  'shell.toast.albumFiled':
    '{artist} — {album} теперь в фонотеке ({count, plural, one {# трек} few {# трека} many {# треков} other {# трека}}).',
  'shell.toasts.label': 'Уведомления',
  'shell.toasts.dismiss': 'Скрыть',
  'shell.cover.alt': 'Обложка: {title}',
  'shell.cover.none': 'Нет обложки: {title}',
};
