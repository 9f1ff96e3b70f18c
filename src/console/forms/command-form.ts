import type { Role } from '../../auth/roles.ts';
import type { FieldError } from '../../http/problem.ts';
import type { ListName } from '../../settings/domain/settings.events.ts';
import type { Settings } from '../../settings/settings.ts';
import { humanise } from '../console-views.ts';
import { londonLocalToInstant } from './london-time.ts';

/** `flags`: checkboxes whose ticked values are sent as `{ value: true }` (the API reads an absent flag as no). `list`: a text of values separated by commas, sent as an array. */
export type FieldKind = 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'flags' | 'datetime' | 'date' | 'yesno' | 'number' | 'list';

export interface FormField {
  /** The API body's field, dotted for a nested one (`victim.name`, `allegations.0.category`). */
  name: string;
  label: string;
  kind: FieldKind;
  /** Fixed values (shown humanised), or a configurable list whose active entries are offered. */
  options?: readonly string[] | { list: ListName };
  optional?: boolean;
  /** Left empty, sent as null (the API's "none", e.g. a retention period for every closure reason). */
  nullable?: boolean;
  /** Named in the route's address (a data subject's id), not sent in the body. */
  inPath?: boolean;
  hint?: string;
}

/** One command of a case as a form: what it asks and which API route it posts to. */
export interface CommandForm {
  slug: string;
  title: string;
  /** Relative to the case (`assess`, or `cj-events/:part/communicated` for a part of it); empty for a new case. */
  apiPath: string;
  /** Who may send it, as the API's route says: others get the console's 403 before filling it in. */
  roles: readonly Role[];
  fields: FormField[];
  /**
   * A decision about the case whatever its kind (restriction, legal hold): posted under /api/cases/{id} and kept on its
   * own stream, so the case's revision is not its If-Match; its rules (already held, not restricted) refuse a stale one.
   */
  caseWide?: boolean;
  /** The button's words, when "Save" would not say what it does (revoking a link). */
  submitText?: string;
  /** Said above the fields: what the command does that the title cannot (a link that stops working at once). */
  explanation?: string;
  /**
   * The page that shows the command's answer, for an answer the user must see once before leaving (a status link's
   * address, which the API gives only then); other commands go back to the case.
   */
  answerPage?: string;
  /** Offered on a panel of the case page of its own (the status link's, with its state), not among the actions. */
  onPanel?: boolean;
  /** A GOV.UK Notify message: its kind (unless chosen in the form) and channel choose the template whose placeholders it asks for. */
  notifyMessage?: { kind?: string };
}

export type FormValues = Record<string, string | string[] | undefined>;

export interface Choice {
  value: string;
  text: string;
}

export function choicesFor(field: FormField, settings: Settings): Choice[] {
  if (!field.options) return [];
  if ('list' in field.options) {
    const list = field.options.list;
    return settings.state.lists[list].filter((entry) => !entry.retired).map((entry) => ({ value: entry.id, text: entry.label }));
  }
  return field.options.map((value) => ({ value, text: humanise(value) }));
}

/** The API body a submitted form stands for: empty optional fields left out, so the API's own rules apply. */
export function commandBody(fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields.filter((candidate) => !candidate.inPath)) {
    const value = valueOf(field, values[field.name]) ?? (field.nullable ? null : undefined);
    if (value !== undefined) setPath(body, field.name, value);
  }
  return body;
}

function valueOf(field: FormField, raw: string | string[] | undefined): unknown {
  if (field.kind === 'checkboxes') return raw === undefined ? [] : [raw].flat().filter(Boolean);
  if (field.kind === 'list') return [raw ?? ''].flat().join(',').split(',').map((item) => item.trim()).filter(Boolean);
  if (field.kind === 'flags') return raw === undefined ? undefined : Object.fromEntries([raw].flat().map((flag) => [flag, true]));
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text.trim() === '') return undefined;
  if (field.kind === 'yesno') return text === 'yes' ? true : text === 'no' ? false : text;
  if (field.kind === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  if (field.kind === 'datetime') return londonLocalToInstant(text);
  return text;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  const inner = (target[head!] ??= /^\d+$/.test(rest[0]!) ? [] : {}) as Record<string, unknown>;
  setPath(inner, rest.join('.'), value);
}

/** A field's element id: the GOV.UK error summary links to it. */
export const fieldId = (name: string) => name.replace(/[.[\]\s]+/g, '-').replace(/-$/, '');

export interface FormErrors {
  summary: { text: string; href: string }[];
  byField: Record<string, string>;
}

/** The API's field errors beside the form's fields (a nested or indexed field's error goes to its form field); any other beside the first. */
export function formErrors(fields: readonly FormField[], errors: readonly FieldError[]): FormErrors {
  const result: FormErrors = { summary: [], byField: {} };
  for (const { field: path, message } of errors) {
    // The API names an array's item `allegations[0].category`; the form's field is `allegations.0.category`.
    const error = { field: path.replace(/\[(\d+)\]/g, '.$1'), message };
    const field =
      fields.find((candidate) => error.field === candidate.name || error.field.startsWith(`${candidate.name}.`)) ??
      // An object left out (`victim is required`): beside its first field.
      fields.find((candidate) => candidate.name.startsWith(`${error.field}.`));
    const name = field?.name ?? fields[0]?.name ?? '';
    result.byField[name] ??= error.message;
    result.summary.push({ text: error.message, href: `#${fieldId(name)}` });
  }
  return result;
}
