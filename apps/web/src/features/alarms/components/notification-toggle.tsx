import { useState } from 'react';
import {
  browserNotificationsOn,
  browserNotificationsSupported,
  setBrowserNotifications,
} from '../browser-notifications.ts';

/** Opt-in browser notifications of raised alarms (this browser only). */
export function NotificationToggle() {
  const [on, setOn] = useState(browserNotificationsOn);
  const [refused, setRefused] = useState(false);
  if (!browserNotificationsSupported()) return null;
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const want = e.target.checked;
          void setBrowserNotifications(want).then((now) => {
            setOn(now);
            setRefused(want && !now);
          });
        }}
      />{' '}
      Browser notifications of new alarms
      {refused ? <span className="field-error"> The browser refused the permission.</span> : null}
    </label>
  );
}
