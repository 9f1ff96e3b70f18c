import { getMetadataStorage } from 'class-validator';

type RulesLookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];

const kept = Symbol('casework.validationRulesKept');

/**
 * class-validator finds a class's rules by scanning every class it has rules for, on every object it
 * validates, to find the ones the class inherits from (typestack/class-validator#2686): measured at about 3.6%
 * of the API's CPU under the bench's command mix. A class's rules and its ancestors' are all registered as
 * their modules load, before anything can be validated against it, and a class loaded later never changes
 * them, so the answer for a class and the same options is kept. Idempotent: kept once per process.
 */
export function keepValidationRules(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [kept]?: true };
  if (storage[kept]) return;
  const lookUp: RulesLookup = storage.getTargetValidationMetadatas.bind(storage);
  const answers = new WeakMap<object, Map<string, ReturnType<RulesLookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // An object without a constructor to key it by (made with a null prototype) is looked up as before.
    if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map()));
    const options = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    const known = byOptions.get(options);
    if (known) return known;
    const answer = lookUp(target, schema, always, strictGroups, groups);
    byOptions.set(options, answer);
    return answer;
  };
  storage[kept] = true;
}
