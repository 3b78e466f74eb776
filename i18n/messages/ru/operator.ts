import type { operator as en } from '../en/operator.ts';
import type { Translation } from '../translation.ts';

export const operator: Translation<typeof en> = {
  // Errors and usage (every command)
  'operator.error.withCode': '{text} ({code})',
  'operator.error.withDetail': '{text} Подробности: {detail} ({code})',
  'operator.usage.badArguments': 'неверные аргументы: {detail}; см. «megadisc help»',
  'operator.usage.amount': 'сумма — десятичное число, например 5.00, а не «{value}»',
  'operator.usage.country': 'страна — двухбуквенный код ISO 3166-1, например US или DE',
  'operator.usage.countryOf': '{value}: страна — двухбуквенный код ISO 3166-1, например US или DE',

  // megadisc server (the store)
  'operator.server.badPort': '--port — число от 0 до 65535, а не {value}',
  'operator.server.badPrice': 'цена за МБ — десятичное число, например 0.02, а не «{value}»',
  'operator.server.badCheckoutMinutes': '--checkout-minutes — число от 1 до 1440, а не {value}',
  'operator.server.badPackFile': 'не удалось использовать файл пакетов {file}: {detail}',
  'operator.server.badProvider': '--provider — test или stripe, а не {value}',
  'operator.server.badAccelPrefix':
    '--accel-redirect должен выглядеть как /internal-cache/, получено {value}',
  'operator.server.badFileCache': '--file-cache-mb должен быть от 0 до 65536, получено {value}',
  'operator.server.stripeSetup': 'не удалось подключить Stripe: {detail}',
  'operator.server.dataIn': 'данные в {dir}',
  'operator.server.encodingUnavailable': 'формат {id} недоступен: {reason}',
  'operator.server.demoAccount': 'демо-аккаунт: {email} / {password}',
  'operator.server.demoVouchers': 'неиспользованные демо-ваучеры: {codes}',
  'operator.server.demoVoucher': '{code} ({size})',
  'operator.server.noVouchers': 'нет',
  'operator.server.listening': 'магазин работает по адресу {url}',
  'operator.server.shuttingDown': 'остановка…',
  'operator.server.databaseAt': 'база данных: {target}',

  // megadisc server migrate
  'operator.migrate.done': 'база данных обновлена: {target}',

  // megadisc server worker
  'operator.worker.started': 'обработчик {name} берёт кодирование из {target}',
  'operator.worker.badConcurrency': '--concurrency должен быть от 1 до 64, получено {value}',

  // megadisc server copy-to
  'operator.copyTo.usage': 'использование: megadisc server copy-to postgres://USER@HOST:PORT/DB [--data DIR]',
  'operator.copyTo.done':
    'скопировано строк: {rows, number}, таблиц: {tables, number} в {target}; запускайте магазин с --db {target}',

  // megadisc server import
  'operator.import.usage':
    'использование: megadisc server import DIR [--data DIR] [--tag-encoding auto|cp1251|latin1]',
  'operator.import.badTagEncoding': '--tag-encoding — одно из: {encodings}; а не {value}',
  'operator.import.notFound': 'папка для импорта не найдена: {dir}',
  'operator.import.skipped': 'пропущен {path}: {reason}',
  'operator.import.done':
    'импортировано: {albums, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}}, {tracks, plural, one {# трек} few {# трека} many {# треков} other {# трека}}; пропущено: {skipped, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}',

  // packs, refund, report, check-ledger, vouchers
  'operator.packs.usageSet': 'использование: megadisc server packs set SIZE_MB PRICE (например, 500MB 5.00)',
  'operator.packs.usageLoad': 'использование: megadisc server packs load FILE.json',
  'operator.packs.unknownAction': 'неизвестное действие packs «{action}» (set, remove, load)',
  'operator.packs.pack': 'пакет',
  'operator.packs.price': 'цена ({currency})',
  'operator.packs.loyalty': 'лояльность: скидка {percent} после трат на {amount}',
  'operator.refund.usage': 'использование: megadisc server refund PAYMENT_ID [--reason TEXT]',
  'operator.refund.done':
    'возвращено {size}, {amount}; баланс теперь {balance, plural, one {# байт} few {# байта} many {# байт} other {# байта}}',
  'operator.report.badGroup': '--group — day или month',
  'operator.report.badDate': '{flag} — дата, например 2026-01-31',
  'operator.ledger.ok':
    'книга в порядке: {count, plural, one {# аккаунт} few {# аккаунта} many {# аккаунтов} other {# аккаунта}}',
  'operator.ledger.problems':
    'в книге {count, plural, one {# проблема} few {# проблемы} many {# проблем} other {# проблемы}}:',
  'operator.vouchers.usage':
    'использование: megadisc server vouchers create --mb N [--count N] [--sold-for PRICE]',
  'operator.vouchers.badCount': '--count — число от 1 до 1000',

  // rights-holders, statements, royalty-rate, refund-item
  'operator.rights.badRate': 'ставка — процент от 0 до 100, например 15 или 12.5, а не «{value}»',
  'operator.rights.badId': 'правообладатель задаётся числовым id',
  'operator.rights.usageCreate':
    'использование: megadisc server rights-holders create NAME [--email E] [--rate PCT]',
  'operator.rights.usageAssign':
    'использование: megadisc server rights-holders assign HOLDER_ID ALBUM_ID[,ALBUM_ID…]',
  'operator.rights.unknownAction':
    'неизвестное действие rights-holders «{action}» (list, create, edit, assign, token)',
  'operator.rights.storeRate': 'ставка магазина',
  'operator.rights.releases':
    '{count, plural, one {# релиз} few {# релиза} many {# релизов} other {# релиза}}',
  'operator.statements.badFormat': '--format — csv, dsr или json',
  'operator.statements.usageIssue':
    'использование: megadisc server statements issue --holder ID (--period 2026-03|2026-Q1 | --from DATE --to DATE)',
  'operator.statements.badPeriod': '--period — месяц (2026-03) или квартал (2026-Q1)',
  'operator.statements.usage':
    'использование: megadisc server statements [list | issue … | show NUMBER] [--format csv|dsr|json] [--out FILE]',
  'operator.statements.line': '{number}  правообладатель {holder}  {start} – {end}  роялти {royalty}',
  'operator.royaltyRate.show': 'ставка роялти: {rate} выручки',
  'operator.refundItem.usage': 'использование: megadisc server refund-item ORDER_ID ITEM_ID [--reason TEXT]',
  'operator.refundItem.done':
    'возвращено {bytes, plural, one {# байт} few {# байта} many {# байт} other {# байта}}; роялти сторнировано: {royalty}',

  // takedowns, audit-log, settings, accounts, territories
  'operator.takedowns.unknownAction':
    'неизвестное действие takedowns «{action}» (file, decide; без действия — список)',
  'operator.takedowns.none': 'уведомлений нет',
  'operator.takedowns.kind.notice': 'уведомление',
  'operator.takedowns.kind.counter': 'встречное',
  'operator.takedowns.state.received': 'получено',
  'operator.takedowns.state.approved': 'одобрено',
  'operator.takedowns.state.rejected': 'отклонено',
  'operator.takedowns.work.album': 'альбом {id}',
  'operator.takedowns.work.track': 'трек {id}',
  'operator.takedowns.answers': 'ответ на {id}',
  'operator.takedowns.usageFile': 'использование: megadisc server takedowns file --json-file NOTICE.json',
  'operator.takedowns.cannotRead': 'не удалось прочитать {file}: {detail}',
  'operator.takedowns.received': '{id}: {kind}, получено {when}',
  'operator.takedowns.usageDecide':
    'использование: megadisc server takedowns decide TD-… approve|reject --by NAME [--note TEXT]',
  'operator.takedowns.decided': '{id}: {state}, решение принял(а) {by}, {when}',
  'operator.auditLog.badLimit': '--limit — число от 1 до 100000',
  'operator.settings.usage': 'использование: megadisc server settings [--withdraw-redownloads on|off]',
  'operator.settings.on': 'повторные загрузки снятых работ: отозваны (on)',
  'operator.settings.off': 'повторные загрузки снятых работ: разрешены (off)',
  'operator.accounts.usage': 'использование: megadisc server accounts set-country EMAIL COUNTRY',
  'operator.territories.usage': 'использование: megadisc server territories ALBUM_ID [all | CC,CC,…]',
  'operator.territories.show': 'альбом {id}: {territories}',
  'operator.territories.everywhere': 'везде',
};
