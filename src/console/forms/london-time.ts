const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

function londonOffsetMinutes(instant: Date): number {
  const name = OFFSET.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * A time typed in the console (`2026-12-04T09:15`, as a datetime-local field sends it) is a time in England:
 * sent to the API with England's offset then, as every time the API takes carries one. Anything else is
 * passed on as typed, so the API names what is wrong with it.
 */
export function londonLocalToInstant(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/.exec(local.trim());
  if (!match) return local;
  const time = match[2]!.length === 5 ? `${match[2]}:00` : match[2]!;
  const asUtc = Date.parse(`${match[1]}T${time}Z`);
  if (Number.isNaN(asUtc)) return local;
  const offset = londonOffsetMinutes(new Date(asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${match[1]}T${time}${sign}${hours}:${minutes}`;
}

const LOCAL = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Now in England, as a datetime-local field shows it: the default of a form's time (to the second, so never before what was just recorded). */
export function londonLocalNow(now = new Date()): string {
  return LOCAL.format(now).replace(' ', 'T');
}
