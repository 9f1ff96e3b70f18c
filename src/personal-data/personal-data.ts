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
  return specs.flatMap((spec) => {
    const owner = commonPrefix(spec.subjectIdPath, spec.fields);
    return resolve(data, owner, '').flatMap(({ value: container, path: ownerPath }) => {
      const subjectId = readPath(container, relative(spec.subjectIdPath, owner));
      if (typeof subjectId !== 'string') return [];
      return spec.fields.flatMap((field) =>
        resolve(container, relative(field, owner), ownerPath).map(({ path, value }) => ({ subjectId, path, value, ofCase: spec.ofCase === true })),
      );
    });
  });
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

function resolve(value: JsonValue | undefined, path: string, at: string): { path: string; value: JsonValue }[] {
  if (value === undefined) return [];
  if (path === '') return [{ path: at, value }];
  const [head, ...rest] = path.split('.');
  const tail = rest.join('.');
  const isArrayStep = head!.endsWith('[]');
  const key = isArrayStep ? head!.slice(0, -2) : head!;
  const child = isObject(value) ? value[key] : undefined;
  const childPath = at ? `${at}.${key}` : key;
  if (!isArrayStep) return resolve(child, tail, childPath);
  if (!Array.isArray(child)) return [];
  return child.flatMap((element, index) => resolve(element, tail, `${childPath}.${index}`));
}

function readPath(value: JsonValue, path: string): JsonValue | undefined {
  return path.split('.').reduce<JsonValue | undefined>((node, key) => (isObject(node) ? node[key] : undefined), value);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
