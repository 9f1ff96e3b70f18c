/**
 * A victim's safe times as windows of the day in England, e.g. `09:00-12:00, 18:00-20:00`: a message is
 * sent only inside one. Free text cannot be checked, so a message under free-text safe times is refused.
 */
export interface SafeWindow {
  /** Minutes after midnight, London time. */
  from: number;
  to: number;
}

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/;

/** The windows, or undefined when the text is not a list of windows. */
export function parseSafeTimes(text: string): SafeWindow[] | undefined {
  const windows = text.split(',').map((part) => WINDOW.exec(part.trim()));
  if (windows.some((match) => !match)) return undefined;
  return windows.map((match) => ({ from: Number(match![1]) * 60 + Number(match![2]), to: Number(match![3]) * 60 + Number(match![4]) })).filter((window) => window.to > window.from);
}

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The first instant at or after `now` inside a window (`now` itself when it is inside one). */
export function nextSafeInstant(now: Date, windows: readonly SafeWindow[]): Date {
  const [hours, minutes] = LONDON_CLOCK.format(now).split(':').map(Number);
  const current = hours! * 60 + minutes!;
  if (windows.some((window) => current >= window.from && current < window.to)) return now;
  const waits = windows.map((window) => (window.from - current + 24 * 60) % (24 * 60));
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  // Wall-clock minutes ahead: a change of the clocks in between moves the start by that hour, never into the night.
  return new Date(startOfMinute + Math.min(...waits) * 60_000);
}
