import type { core as en } from '../en/core.ts';
import type { Translation } from '../translation.ts';

export const core: Translation<typeof en> = {
  'core.albumFiled.title': 'Альбом добавлен в фонотеку',
  'core.albumFiled.body': '{artist} — {album}',
  'core.desktop.startFailed': 'Не удалось запустить Megadisc',
  'core.web.unauthorized.title': 'Megadisc',
  'core.web.unauthorized.heading': 'Megadisc: веб-режим',
  'core.web.unauthorized.body':
    'Для этой страницы нужен токен доступа. Откройте адрес, который {command} напечатала в терминале (он заканчивается на {suffix}).',
  'core.web.refused.host': 'этот сервер отвечает только на 127.0.0.1 и localhost',
  'core.web.refused.crossSite': 'запросы с других сайтов отклоняются',
  'core.web.refused.origin': 'запросы с {origin} отклоняются',
  'core.web.refused.wrongToken': 'неверный токен доступа',
  'core.web.refused.noToken': 'нет токена доступа',
  'core.web.refused.noOrigin': 'запрос с cookie должен нести заголовок Origin',
  'core.web.badTarget': 'неверная цель запроса',
  'core.web.methodNotAllowed': 'метод не разрешён',
  'core.web.failed': 'сбой веб-сервера',
  'core.web.badPath': 'неверный путь',
  'core.web.notFound': 'не найдено',
  'core.web.notBuilt': 'интерфейс не собран: выполните «npm run build» и обновите страницу',
};
