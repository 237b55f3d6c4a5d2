// Browser notifications of raised alarms are opt-in per browser (and need the permission).
const KEY = 'cmc.alarm-notifications';

export function browserNotificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

export function browserNotificationsOn(): boolean {
  return (
    browserNotificationsSupported() &&
    Notification.permission === 'granted' &&
    localStorage.getItem(KEY) === 'on'
  );
}

/** Asks for the permission when needed; resolves with whether notifications are now on. */
export async function setBrowserNotifications(on: boolean): Promise<boolean> {
  if (!on || !browserNotificationsSupported()) {
    localStorage.removeItem(KEY);
    return false;
  }
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission;
  if (permission !== 'granted') return false;
  localStorage.setItem(KEY, 'on');
  return true;
}
