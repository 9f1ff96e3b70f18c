import type { JsonObject, JsonValue } from '../event-store/event-store.port.ts';
import type { PersonalDataSpec } from './event-definition.ts';

/** One personal-data value found in an event, with the data subject it belongs to. */
export interface PersonalDataField {
  subjectId: string;
  /** Concrete path, array indexes resolved, e.g. `victims.1.name`. */
  path: string;
  value: JsonValue;
  /** Free text about the case, sealed under the case's own data subject (`caseText`). */
  ofCase: boolean;
}

/** Finds every declared personal-data field in an event payload, generically, from its definition. */
export function findPersonalData(data: JsonObject, specs: readonly PersonalDataSpec[]): PersonalDataField[] {
  const found: PersonalDataField[] = [];
  for (const spec of specs) {
    const { owner, subjectId: subjectIdSteps, fields } = planOf(spec);
    for (const { value: container, path: ownerPath } of resolve(data, owner, 0, '', [])) {
      const subjectId = readPath(container, subjectIdSteps);
      if (typeof subjectId !== 'string') continue;
      for (const field of fields) {
        for (const { path, value } of resolve(container, field, 0, ownerPath, [])) found.push({ subjectId, path, value, ofCase: spec.ofCase === true });
      }
    }
  }
  return found;
}

/** One step of a declared path: a key, and whether it is an array whose every element goes on (`victims[]`). */
interface Step {
  key: string;
  each: boolean;
}

/** A declaration's paths split into steps, relative to the array level the subject id and its fields share. */
interface Plan {
  owner: Step[];
  subjectId: Step[];
  fields: Step[][];
}

/** Declarations are constants: each is split once, not on every event (a rebuild finds personal data in millions). */
const plans = new WeakMap<PersonalDataSpec, Plan>();

function planOf(spec: PersonalDataSpec): Plan {
  let plan = plans.get(spec);
  if (!plan) {
    const owner = commonPrefix(spec.subjectIdPath, spec.fields);
    plan = { owner: steps(owner), subjectId: steps(relative(spec.subjectIdPath, owner)), fields: spec.fields.map((field) => steps(relative(field, owner))) };
    plans.set(spec, plan);
  }
  return plan;
}

function steps(path: string): Step[] {
  if (path === '') return [];
  return path.split('.').map((step) => (step.endsWith('[]') ? { key: step.slice(0, -2), each: true } : { key: step, each: false }));
}

/** The array level both the subject id and its fields share, e.g. `victims[]` for `victims[].name`. */
function commonPrefix(subjectIdPath: string, fields: readonly string[]): string {
  const cut = subjectIdPath.lastIndexOf('[]');
  const prefix = cut < 0 ? '' : subjectIdPath.slice(0, cut + 2);
  if (fields.some((field) => !field.startsWith(prefix))) {
    throw new Error(`Personal data fields must sit beside their subject id (${subjectIdPath})`);
  }
  return prefix;
}

function relative(path: string, prefix: string): string {
  return prefix ? path.slice(prefix.length).replace(/^\./, '') : path;
}

/** The values at `path` from its step `index` on, with their concrete paths (array indexes resolved), added to `found`. */
function resolve(value: JsonValue | undefined, path: readonly Step[], index: number, at: string, found: { path: string; value: JsonValue }[]): { path: string; value: JsonValue }[] {
  if (value === undefined) return found;
  if (index === path.length) {
    found.push({ path: at, value });
    return found;
  }
  const { key, each } = path[index]!;
  const child = isObject(value) ? value[key] : undefined;
  const childPath = at ? `${at}.${key}` : key;
  if (!each) return resolve(child, path, index + 1, childPath, found);
  if (Array.isArray(child)) child.forEach((element, position) => resolve(element, path, index + 1, `${childPath}.${position}`, found));
  return found;
}

function readPath(value: JsonValue, path: readonly Step[]): JsonValue | undefined {
  return path.reduce<JsonValue | undefined>((node, { key }) => (isObject(node) ? node[key] : undefined), value);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
