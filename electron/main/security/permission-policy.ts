// The renderer gets no web permissions at all (camera, notifications, geolocation, clipboard...):
// the app needs none, and the main process shows notifications itself.
import type { Session } from 'electron';

export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
