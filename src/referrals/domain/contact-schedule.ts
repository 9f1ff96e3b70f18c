export const CONTACT_FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type ContactFrequency = (typeof CONTACT_FREQUENCIES)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'letter', 'in-person'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * When the next contact falls due: one interval after `from` (an ISO instant), as an instant.
 * Months step by calendar month, clamped to the month's last day (31 January → 28/29 February).
 */
export function nextContactDue(from: string, frequency: ContactFrequency): string {
  const date = new Date(from);
  if (frequency === 'weekly') date.setUTCDate(date.getUTCDate() + 7);
  else if (frequency === 'fortnightly') date.setUTCDate(date.getUTCDate() + 14);
  else {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + 1);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  return date.toISOString();
}
