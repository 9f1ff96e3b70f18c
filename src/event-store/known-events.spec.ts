import { describe, expect, it } from '@jest/globals';
import { createEventCatalog } from './known-events.ts';

/** Which person a data subject is: about that subject alone, on a stream of its own, whose reason is theirs. */
const NOT_ABOUT_A_CASE = ['SubjectLinkedToPerson', 'SubjectUnlinkedFromPerson'];

describe('the event catalog', () => {
  const catalog = createEventCatalog();
  const definitions = catalog.types.map((type) => catalog.definitionOf(type));

  it("names the case wherever it seals a person's data, so the person is linked to the case's free text", () => {
    const unlinked = definitions
      .filter(({ type }) => !NOT_ABOUT_A_CASE.includes(type))
      .filter(({ personalData }) => personalData.some((spec) => !spec.ofCase) && !personalData.some((spec) => spec.ofCase))
      .map(({ type }) => type);
    expect(unlinked).toEqual([]);
  });

  it('reads every earlier schema version of every type: an upcaster from each', () => {
    const missing = definitions.flatMap(({ type, schemaVersion, upcasters }) =>
      Array.from({ length: schemaVersion - 1 }, (_, index) => index + 1)
        .filter((version) => !upcasters?.[version])
        .map((version) => `${type} v${version}`),
    );
    expect(missing).toEqual([]);
  });

  it('declares each string path once: plain or personal, never both', () => {
    const both = definitions.flatMap(({ type, plain, personalData }) =>
      personalData.flatMap((spec) => spec.fields).filter((field) => plain.includes(field)).map((field) => `${type}.${field}`),
    );
    expect(both).toEqual([]);
  });
});
