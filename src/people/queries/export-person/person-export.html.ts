import type { JsonValue } from '../../../event-store/event-store.port.ts';
import type { ExportedEvent, PersonExport } from './person-export.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** `path: value` lines, so a reader needs no JSON. */
function lines(value: JsonValue, path = ''): string[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((member, index) => [String(index + 1), member] as const) : Object.entries(value);
    return entries.flatMap(([key, member]) => lines(member, path ? `${path} › ${key}` : key));
  }
  return [`${path}: ${value === null ? '—' : String(value)}`];
}

const table = (events: readonly ExportedEvent[]) =>
  events.length === 0
    ? '<p>None.</p>'
    : `<table><thead><tr><th>When</th><th>By</th><th>What</th><th>Details</th></tr></thead><tbody>${events
        .map((event) => `<tr><td>${escape(event.recordedAt)}</td><td>${escape(event.recordedBy)}</td><td>${escape(event.type)}</td><td>${lines(event.data).map(escape).join('<br>')}</td></tr>`)
        .join('')}</tbody></table>`;

/** Says the document is not the whole answer, without saying which cases are missing. */
const withheld = (count: number) =>
  count === 0
    ? ''
    : `<p>This document leaves out ${count === 1 ? '1 case that is' : `${count} cases that are`} restricted to named staff. An auditor or a person named on ${count === 1 ? 'that case' : 'those cases'} must complete that part of the request.</p>`;

/** The export as a document a person can read, every value escaped. */
export function personExportHtml(exported: PersonExport): string {
  const cases = exported.cases.map((found) => `<h2>${escape(found.caseKind)} ${escape(found.caseId)} (${escape(found.role)})</h2>${table(found.events)}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Personal data held: ${escape(exported.personId)}</title></head><body>
<h1>Personal data held about person ${escape(exported.personId)}</h1><p>Exported ${escape(exported.exportedAt)}. Another person's details are shown as “[another person]”.</p>${withheld(exported.restrictedCasesWithheld)}
${cases}<h2>Records recognised as this person</h2>${table(exported.links)}<h2>Erasures and restrictions</h2>${table(exported.dataDecisions)}</body></html>`;
}
