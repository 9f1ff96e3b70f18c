import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { TimelineEntry } from '../../projections/timeline/case-timeline.projection.ts';

/** The checkout (or image) root: the views and the design system's templates are read from there, not from dist/. */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${from}`);
    folder = parent;
  }
  return folder;
}

const root = projectRoot();
export const GOVUK_FRONTEND = join(root, 'node_modules/govuk-frontend/dist');
export const MOJ_FRONTEND = join(root, 'node_modules/@ministryofjustice/frontend');

const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' });

/** An instant or a day as people in England read it: "4 Dec 2026, 09:15" or "4 Dec 2026". */
export function londonReadable(value: string | null | undefined, type: 'datetime' | 'date' = 'datetime'): string {
  if (!value) return '';
  // A calendar day is a day in England already: read at noon UTC so no offset moves it.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(instant.getTime()) ? value : (type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value) ? LONDON_DATE : LONDON_DATE_TIME).format(instant);
}

/** Abbreviations in codes, as the office says them. */
const TERMS: Record<string, string> = { cj: 'criminal-justice', sms: 'text message', iopc: 'IOPC', crt: 'CRT', pcc: 'PCC', dob: 'date of birth' };

/** "ReferralReceived" -> "Referral received", "contact-contract" -> "Contact contract". */
export function humanise(value: unknown): string {
  const words = String(value ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  const spelled = words.split(' ').map((word) => TERMS[word] ?? word).join(' ');
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/** The console's views, or another set of pages' (`viewsFolder`, from the checkout root) with the same design systems and filters. */
export function createViews(viewsFolder = 'src/console/views'): nunjucks.Environment {
  const views = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(root, viewsFolder), GOVUK_FRONTEND, MOJ_FRONTEND]), { autoescape: true, throwOnUndefined: false });
  // MoJ's timeline formats its dates with this filter.
  views.addFilter('mojDate', (value: string, type: 'datetime' | 'date') => londonReadable(value, type));
  views.addFilter('london', (value: string, type?: 'datetime' | 'date') => londonReadable(value, type));
  views.addFilter('humanise', humanise);
  views.addFilter('pluck', (items: Record<string, unknown>[], key: string) => items.map((item) => item[key]));
  views.addGlobal('timelineItems', (entries: TimelineEntry[]) =>
    entries
      .map((entry) => ({ label: { text: humanise(entry.type) }, datetime: { timestamp: entry.recordedAt, type: 'datetime' }, byline: { text: entry.by }, text: `Revision ${entry.revision}` }))
      .reverse(),
  );
  return views;
}
