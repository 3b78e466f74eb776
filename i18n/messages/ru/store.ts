import type { store as en } from '../en/store.ts';
import type { Translation } from '../translation.ts';

export const store: Translation<typeof en> = {
  'store.backToStore': 'Вернуться в магазин',
  'store.goToDownloads': 'Перейти к загрузкам',
  'store.topUp': 'Пополнить баланс',

  // Главная
  'store.home.title': 'Магазин',
  'store.home.loading': 'Загружаем магазин…',
  'store.home.empty': 'В магазине пока нет альбомов.',
  'store.home.emptyHint': 'Когда они появятся, они будут здесь. А пока можно {link}.',
  'store.home.emptyHintLink': 'открыть фонотеку',
  'store.home.newReleases': 'Новинки',
  'store.home.charts': 'Чарты',
  'store.home.genres': 'Жанры',
  'store.grid.rank': '{rank}-е место',

  // Поиск
  'store.search.title': 'Поиск',
  'store.search.titleFor': 'Поиск: «{query}»',
  'store.search.prompt': 'Введите запрос в поле поиска выше, чтобы найти исполнителей, альбомы и треки.',
  'store.search.searching': 'Ищем…',
  'store.search.noResults': 'По запросу «{query}» ничего не найдено.',
  'store.search.noResultsHint':
    'Проверьте написание или попробуйте имя исполнителя, название альбома или трека.',
  'store.search.summary':
    '{artists, plural, one {# исполнитель} few {# исполнителя} many {# исполнителей} other {# исполнителя}}, {albums, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}}, {tracks, plural, one {# трек} few {# трека} many {# треков} other {# трека}}',
  'store.search.artists': 'Исполнители',
  'store.search.albums': 'Альбомы',
  'store.search.tracks': 'Треки',
  'store.search.more': '{count}+',
  'store.search.albumsFound': 'Найденные альбомы',
  'store.search.tracksFound': 'Найденные треки',
  'store.search.colTitle': 'Название',
  'store.search.colArtist': 'Исполнитель',
  'store.search.colAlbum': 'Альбом',
  'store.search.colLength': 'Время',

  // Исполнитель
  'store.artist.eyebrow': 'Исполнитель',
  'store.artist.loading': 'Загружаем исполнителя…',
  'store.artist.albumCount':
    '{count, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}} в магазине',
  'store.artist.albums': 'Альбомы',
  'store.artist.albumsBy': 'Альбомы исполнителя {artist}',
  'store.artist.empty': 'Сейчас в магазине нет ничего от этого исполнителя.',

  // Альбом
  'store.album.eyebrow': 'Альбом',
  'store.album.loading': 'Загружаем альбом…',
  'store.album.by': '{artist}',
  'store.album.discs': '{count, plural, one {# диск} few {# диска} many {# дисков} other {# диска}}',
  'store.album.genres': 'Жанры',

  // Список треков
  'store.tracks.title': 'Треки',
  'store.tracks.disc': 'Диск {number}',
  'store.tracks.discCaption': 'Треки диска {number}',
  'store.tracks.colBuy': 'Купить',
  'store.tracks.colNumber': '№',
  'store.tracks.colTitle': 'Название',
  'store.tracks.colArtist': 'Исполнитель',
  'store.tracks.colLength': 'Время',
  'store.tracks.buyTrack': 'Купить «{title}»',
  'store.tracks.allSelected': 'Выбраны все: {count}',
  'store.tracks.someSelected': 'Выбрано {count} из {total}',
  'store.tracks.selectAll': 'Выбрать все',
  'store.tracks.selectNone': 'Снять выбор',
  'store.tracks.withdrawn': 'Больше не продаётся',

  // Кодировки и цены
  'store.purchase.title': 'Кодировка и цена',
  'store.purchase.selectSome': 'Выберите хотя бы один трек, чтобы увидеть цены.',
  'store.purchase.loading': 'Считаем цены…',
  'store.purchase.legend':
    '≈ — оценка: магазин ещё не закодировал эти файлы. Вы платите за их точный размер, но не больше верхней границы диапазона. {mb} = {bytes} байт.',
  'store.purchase.bought': 'Куплено: {artist} — {album} ({encoding}). Идёт загрузка.',
  'store.purchase.toast': 'Куплено: {artist} — {album} ({encoding}) — загружается.',
  'store.purchase.buyAlbum': 'Купить альбом',
  'store.purchase.buyNothing': 'Купить треки',
  'store.purchase.buyTracks':
    '{count, plural, one {Купить # трек} few {Купить # трека} many {Купить # треков} other {Купить # трека}}',
  'store.purchase.buying': 'Покупаем…',
  'store.purchase.ownedAll': 'Эти треки в этой кодировке у вас уже есть.',
  'store.purchase.notEnough': 'Не хватает мегабайт для этой кодировки.',

  'store.quotes.caption': 'Кодировки, размеры и цены выбранных треков',
  'store.quotes.colEncoding': 'Кодировка',
  'store.quotes.colSize': 'Размер',
  'store.quotes.colCharge': 'Списание',
  'store.quotes.colCost': 'Стоимость',
  'store.quotes.colBalanceAfter': 'Баланс после',
  'store.quotes.colFit': 'Статус',
  'store.quotes.exact': 'точно',
  'store.quotes.owned': 'Куплено',
  'store.quotes.fits': 'Хватает',
  'store.quotes.overBalance': 'Не хватает',
  'store.quotes.unavailable': 'Недоступно',
  'store.quotes.unavailableBecause': 'Недоступно: {reason}',
  'store.quote.estimate': '≈ {size} ({low}–{high})',
  'store.quote.approx': '≈ {size}',
  'store.quote.owned': 'куплено',
  'store.quote.free': 'бесплатно',

  // Подтверждение
  'store.buy.titleAlbum': 'Купить альбом?',
  'store.buy.titleTracks':
    '{count, plural, one {Купить # трек?} few {Купить # трека?} many {Купить # треков?} other {Купить # трека?}}',
  'store.buy.album': 'Альбом',
  'store.buy.tracks': 'Треки',
  'store.buy.tracksAll': 'Все {count}',
  'store.buy.tracksSome': '{count} из {total}',
  'store.buy.encoding': 'Кодировка',
  'store.buy.charge': 'Спишется',
  'store.buy.chargeExact': '{size} ({cost})',
  'store.buy.chargeEstimate': 'около {size} ({cost})',
  'store.buy.balanceNow': 'Баланс сейчас',
  'store.buy.balanceAfter': 'Баланс после',
  'store.buy.exactHint': 'Эти файлы уже закодированы: это точная сумма списания.',
  'store.buy.estimateHint':
    'Это оценка: спишется точный размер закодированных файлов; пока они не готовы, резервируется не больше {size}.',
  'store.buy.confirm': 'Подтвердить покупку',
  'store.buy.buying': 'Покупаем…',

  // Не продаётся
  'store.sale.notForSale': 'Не продаётся',
  'store.sale.takenDown': 'Релиз снят с продажи и здесь больше не продаётся.',
  'store.sale.notInCountry': 'Недоступно в вашей стране',
  'store.sale.notLicensed': 'Релиз не лицензирован для продажи в стране вашего аккаунта.',
  'store.sale.reasonLabel': 'Сообщение магазина:',
  'store.sale.notice': 'Уведомление о снятии',
  'store.sale.unknownTitle': 'Альбом больше не продаётся',
  'store.sale.owned':
    'У вас {count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}} из этого альбома; они остаются в фонотеке.',
  'store.sale.missing':
    'При последней проверке в фонотеке не хватало {count, plural, one {# файла} few {# файлов} many {# файлов} other {# файла}}.',
  'store.sale.openInLibrary': 'Открыть в фонотеке',
  'store.sale.downloadAgain': 'Загрузить снова',
  'store.sale.downloading': 'Ставим в очередь…',
  'store.sale.downloadAgainHint': 'Бесплатно загрузит по вашей покупке файлы, которых нет в фонотеке.',
  'store.sale.nothingToDownload': 'Загружать нечего: все файлы этого альбома уже в фонотеке.',
  'store.sale.requeued':
    'Бесплатно загружаем снова {count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}.',
  'store.sale.withdrawn':
    'Магазин отключил повторные загрузки этого релиза. Ваши файлы остаются в фонотеке нетронутыми.',

  'store.preview.play': 'Прослушать фрагмент «{title}»',
  'store.preview.pause': 'Остановить фрагмент «{title}»',
  'store.preview.rateLimited': 'Слишком много прослушиваний подряд; попробуйте через несколько минут.',
  'store.preview.unavailable': 'Фрагмента нет: этот трек здесь недоступен.',
  'store.preview.offline': 'Фрагмента нет: магазин недоступен.',
  'store.preview.failed': 'Не удалось воспроизвести фрагмент.',
};
