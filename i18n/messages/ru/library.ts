import type { library as en } from '../en/library.ts';
import type { Translation } from '../translation.ts';

export const library: Translation<typeof en> = {
  'library.title': 'Фонотека',
  'library.views': 'Разделы фонотеки',
  'library.tab.albums': 'Альбомы',
  'library.tab.tracks': 'Треки',
  'library.yearUnknown': 'Год неизвестен',
  'library.problems':
    '{count, plural, one {# проблема} few {# проблемы} many {# проблем} other {# проблемы}}',
  'library.empty': 'Фонотека пуста. Купленные альбомы появятся здесь.',
  'library.browseStore': 'Открыть магазин',
  'library.clearFilter': 'Сбросить фильтр',

  // Альбомы
  'library.albums.filter': 'Фильтр альбомов',
  'library.albums.filterPlaceholder': 'Альбом или исполнитель',
  'library.albums.sortBy': 'Сортировка',
  'library.albums.sort.artist': 'Исполнитель',
  'library.albums.sort.album': 'Альбом',
  'library.albums.sort.year': 'Год',
  'library.albums.sort.added': 'Недавно добавленные',
  'library.albums.groupByArtist': 'Группировать по исполнителям',
  'library.albums.count':
    '{count, plural, one {# альбом} few {# альбома} many {# альбомов} other {# альбома}} · {size}',
  'library.albums.loading': 'Загружаем фонотеку…',
  'library.albums.noMatch': 'Нет альбомов по запросу «{query}».',

  // Треки
  'library.tracks.filter': 'Фильтр треков',
  'library.tracks.filterPlaceholder': 'Название, исполнитель или альбом',
  'library.tracks.count': '{count, plural, one {# трек} few {# трека} many {# треков} other {# трека}}',
  'library.tracks.countMatching':
    '{count, plural, one {# трек по запросу «{query}»} few {# трека по запросу «{query}»} many {# треков по запросу «{query}»} other {# трека по запросу «{query}»}}',
  'library.tracks.loading': 'Загружаем треки…',
  'library.tracks.noMatch': 'Нет треков по запросу «{query}».',
  'library.tracks.list': 'Треки в фонотеке',
  'library.tracks.colArtist': 'Исполнитель',
  'library.tracks.colAlbum': 'Альбом',
  'library.tracks.colNumber': '№',
  'library.tracks.colTitle': 'Название',
  'library.tracks.colEncoding': 'Кодировка',
  'library.tracks.colSize': 'Размер',
  'library.tracks.colStatus': 'Статус',

  // Состояние файлов
  'library.status.ok': 'В порядке',
  'library.status.missing': 'Отсутствует',
  'library.status.changed': 'Изменён',

  // Альбом
  'library.album.back': '← Альбомы',
  'library.album.notFound': 'Альбом не найден',
  'library.album.notFoundText': 'Этого альбома больше нет в фонотеке.',
  'library.album.loading': 'Загружаем альбом…',
  'library.album.added': 'добавлен {date}',
  'library.album.encodingsOwned': 'Купленные кодировки:',
  'library.album.verify': 'Проверить',
  'library.album.verifying': 'Проверяем…',
  'library.album.openFolder': 'Открыть папку',
  'library.album.folderHint': 'В папке фонотеки: {folders}',
  'library.album.openFolderWeb':
    'Открывать папки можно только в настольном приложении. Альбом лежит в папке фонотеки: {folders}.',
  'library.album.files': 'Файлы',
  'library.files.caption': 'Файлы альбома {album}',
  'library.files.colNumber': '№',
  'library.files.colTitle': 'Название',
  'library.files.colEncoding': 'Кодировка',
  'library.files.colSize': 'Размер',
  'library.files.colStatus': 'Статус',
  'library.files.colPath': 'Путь в фонотеке',

  // Проверка
  'library.verify.summary':
    '{ok, plural, one {# файл в порядке} few {# файла в порядке} many {# файлов в порядке} other {# файла в порядке}}{missing, plural, =0 {} one {, # отсутствует} few {, # отсутствуют} many {, # отсутствуют} other {, # отсутствуют}}{changed, plural, =0 {} one {, # изменён} few {, # изменены} many {, # изменены} other {, # изменены}}',
  'library.verify.missing': 'Отсутствуют: файлов нет на своих местах в фонотеке',
  'library.verify.changed':
    'Изменены: содержимое не совпадает с купленным (файл отредактирован или повреждён)',

  // Снят с продажи
  'library.sale.badge': 'Снят с продажи',
  'library.sale.notInCountry': 'Не продаётся в вашей стране',
  'library.sale.heading': 'Снят с продажи',
  'library.sale.intro': 'Магазин снял этот релиз с продажи. Ваши файлы остаются в фонотеке нетронутыми.',
  'library.sale.redownload':
    'Недостающие файлы всё ещё можно загрузить снова со страницы альбома в магазине.',
  'library.sale.withdrawn': 'Магазин отключил повторные загрузки этого релиза: берегите свои файлы.',
  'library.sale.notice': 'Уведомление о снятии',
  'library.sale.asOf': 'По данным магазина на {date}.',
  'library.sale.storePage': 'Страница в магазине',
};
