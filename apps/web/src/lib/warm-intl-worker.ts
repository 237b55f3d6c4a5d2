// Builds the console's Intl formatters once on a worker thread and exits (warm-intl.ts starts it).
// The locale data ICU loads for them is shared by the whole renderer process, so the main thread's
// first formatter (the Devices table's dates) then takes 1-4 ms instead of 43-72 ms (measured in
// Chromium on this project's CI machine).
import { clockOptions, dateTimeOptions, LOCALE, relativeTimeOptions } from './format-options.ts';

new Intl.DateTimeFormat(LOCALE, dateTimeOptions).formatToParts(0);
new Intl.DateTimeFormat(LOCALE, clockOptions).format(0);
new Intl.RelativeTimeFormat(LOCALE, relativeTimeOptions).format(1, 'minute');
new Intl.NumberFormat(LOCALE).format(0.5);
close();
