import type { downloads as en } from '../en/downloads.ts';
import type { Translation } from '../translation.ts';

const ofTracks = '{total, plural, one {# трека} few {# треков} many {# треков} other {# трека}}';

export const downloads: Translation<typeof en> = {
  'downloads.title': 'Загрузки',
  'downloads.loading': 'Загрузка очереди…',
  'downloads.overview':
    'В очереди {count, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}}',
  'downloads.overview.moving':
    'В очереди {count, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}} · {speed} · осталось {eta}',
  'downloads.pauseAll': 'Приостановить все',
  'downloads.resumeAll': 'Продолжить все',
  'downloads.empty': 'Ничего не загружается. Купите альбом в Магазине.',
  'downloads.goToStore': 'В Магазин',
  'downloads.queue': 'Очередь',
  'downloads.queue.hint':
    'Перетаскивайте альбомы, чтобы изменить порядок, или нажимайте ↑ ↓ (Alt+↑ / Alt+↓).',
  'downloads.queue.moved': 'Альбом «{album}» перемещён на место {place, number} из {count, number}.',
  'downloads.finished': 'Завершённые',
  'downloads.finished.showAll': 'Показать все завершённые ({count, number})',

  'downloads.group.progress': 'Ход загрузки: {name}',
  'downloads.group.dragHint': 'Перетащите, чтобы изменить порядок',
  'downloads.group.bytes': '{done} из {total}',
  'downloads.group.bytesSoFar': 'Загружено {done}',
  'downloads.group.sizeUnknown': 'Размер станет известен после кодирования',
  'downloads.group.left': 'осталось {eta}',
  'downloads.group.inLibrary': 'В фонотеке',
  'downloads.group.retryFailed': 'Повторить',
  'downloads.group.retryFailedLabel': 'Повторить неудавшиеся треки: {name}',
  'downloads.group.moveUpLabel': 'Переместить выше: {name}',
  'downloads.group.moveDownLabel': 'Переместить ниже: {name}',
  'downloads.group.moveUpTitle': 'Выше (Alt+↑)',
  'downloads.group.moveDownTitle': 'Ниже (Alt+↓)',
  'downloads.group.hideTracks': 'Скрыть треки',
  'downloads.group.tracksCaption': 'Треки: {name}',

  'downloads.summary.orderFailed': 'Заказ не удался: {reason} Ничего не списано.',
  'downloads.summary.orderRefused': 'Заказ не удался: магазин его отклонил. Ничего не списано.',
  'downloads.summary.ordering': 'Заказ в магазине…',
  'downloads.summary.done': `Готово · {done, number} из ${ofTracks}`,
  'downloads.summary.cancelled': 'Отменено',
  'downloads.summary.failed': 'Ошибка: {reason}',
  'downloads.summary.failedMany':
    'Ошибка: {reason} ({count, plural, one {# трек} few {# трека} many {# треков} other {# трека}})',
  'downloads.summary.unknownError': 'неизвестная ошибка',
  'downloads.summary.downloading': `Загружается · готово {done, number} из ${ofTracks}`,
  'downloads.summary.queued': `В очереди · готово {done, number} из ${ofTracks}`,
  'downloads.summary.waiting': 'Ждёт кодирования в магазине',
  'downloads.summary.paused': `На паузе · готово {done, number} из ${ofTracks}`,

  'downloads.state.waiting_encode': 'Ждёт кодирования',
  'downloads.state.queued': 'В очереди',
  'downloads.state.downloading': 'Загружается',
  'downloads.state.verifying': 'Проверка',
  'downloads.state.done': 'В фонотеке',
  'downloads.state.failed': 'Ошибка',
  'downloads.state.paused': 'На паузе',
  'downloads.state.cancelled': 'Отменено',

  'downloads.jobs.track': 'Трек',
  'downloads.jobs.state': 'Состояние',
  'downloads.jobs.progress': 'Ход',
  'downloads.jobs.size': 'Размер',
  'downloads.jobs.speed': 'Скорость',
  'downloads.jobs.eta': 'Осталось',
  'downloads.jobs.actions': 'Действия',
  'downloads.job.progress': 'Ход загрузки: {name}',
  'downloads.job.sizeUnknown': 'размер пока неизвестен',
  'downloads.job.bytes': '{done} / {total}',

  'downloads.action.pause': 'Пауза',
  'downloads.action.resume': 'Продолжить',
  'downloads.action.retry': 'Повторить',
  'downloads.action.cancel': 'Отменить',
  'downloads.action.pauseLabel': 'Пауза: {name}',
  'downloads.action.resumeLabel': 'Продолжить: {name}',
  'downloads.action.retryLabel': 'Повторить: {name}',
  'downloads.action.cancelLabel': 'Отменить: {name}',

  'downloads.error.pause': 'Не удалось приостановить: {reason}',
  'downloads.error.resume': 'Не удалось продолжить: {reason}',
  'downloads.error.retry': 'Не удалось повторить: {reason}',
  'downloads.error.cancel': 'Не удалось отменить: {reason}',
  'downloads.error.move': 'Не удалось переместить альбом: {reason}',
  'downloads.error.withCode': '{text} ({code})',

  'downloads.cancel.title': 'Отменить «{what}»?',
  'downloads.cancel.body':
    '{count, plural, one {# трек не будет загружен} few {# трека не будут загружены} many {# треков не будут загружены} other {# трека не будут загружены}}. Треки, которые уже в фонотеке, там и останутся.',
  'downloads.cancel.noRefund':
    'Отмена не возвращает мегабайты: магазин списывает их за каждый трек, как только его закодирует.',
  'downloads.cancel.keep': 'Продолжить загрузку',
  'downloads.cancel.confirm':
    'Отменить {count, plural, one {# трек} few {# трека} many {# треков} other {# трека}}',

  'downloads.transfer.label': 'Параметры загрузки',
  'downloads.transfer.parallel': 'Загрузок одновременно',
  'downloads.transfer.limit': 'Ограничить скорость до',
  'downloads.transfer.limitValue': 'Ограничение скорости',
  'downloads.transfer.limitUnit': 'Единица ограничения скорости',
  'downloads.transfer.kBps': 'кБ/с',
  'downloads.transfer.MBps': 'МБ/с',
  'downloads.transfer.tooLow': 'Укажите ограничение не меньше 2 кБ/с.',
  'downloads.transfer.saved': 'Сохранено · действует и на идущие загрузки',
};
