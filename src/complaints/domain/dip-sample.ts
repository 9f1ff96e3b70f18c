import type { CalendarDate } from '../../calendar/working-days.ts';
import { defineEvent, type Upcaster } from '../../personal-data/event-definition.ts';
import type { CommandMetadata, DomainEvent } from '../../shared/domain/decider.ts';

/** Who may draw dip samples and read them back. */
export const DIP_SAMPLE_ROLES = ['auditor', 'supervisor'] as const;

/** Every dip sample the Commissioner's office draws is kept on this one stream, as its own record of oversight. */
export const DIP_SAMPLE_STREAM = 'complaint-dip-samples';

export type DipSampleDrawn = DomainEvent<
  'DipSampleDrawn',
  {
    sampleId: string;
    seed: string;
    from: CalendarDate;
    to: CalendarDate;
    size: number;
    populationSize: number;
    complaintIds: string[];
    drawnAt: string;
    /** The event store position the population was read at (every complaint logged up to it); null for draws stored before version 2. */
    readAtPosition: string | null;
  }
>;

/** Version 1 did not keep the position its population was read at. */
const positionNotRecorded: Upcaster = (data) => ({ ...data, readAtPosition: null });

export const dipSampleEventDefinitions = [
  // The seed is what makes a draw reproducible, quoted by the panel that asked for it: about no one.
  defineEvent({
    type: 'DipSampleDrawn',
    schemaVersion: 2,
    personalData: [],
    upcasters: { 1: positionNotRecorded },
    plain: ['sampleId', 'seed', 'from', 'to', 'complaintIds[]', 'drawnAt', 'readAtPosition'],
  }),
];

export interface DrawDipSample {
  type: 'DrawDipSample';
  sampleId: string;
  seed: string;
  from: CalendarDate;
  to: CalendarDate;
  size: number;
  /** The ids of the complaints received in the range, in any order. */
  population: readonly string[];
  /** The event store position the population was read at. */
  readAtPosition: string;
  metadata: CommandMetadata;
}

export interface DipSamples {
  drawn: number;
}

/**
 * The same seed over the same population always selects the same complaints, in the same order:
 * the population is put in id order, then shuffled by a PRNG seeded from the seed text.
 */
export function drawSample(population: readonly string[], seed: string, size: number): string[] {
  const shuffled = [...population].sort();
  const random = mulberry32(fnv1a(seed));
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled.slice(0, size);
}

export const dipSampleDecider = {
  initialState: (): DipSamples => ({ drawn: 0 }),
  evolve: (state: DipSamples, _event: DipSampleDrawn): DipSamples => ({ drawn: state.drawn + 1 }),
  decide(command: DrawDipSample, _state: DipSamples): DipSampleDrawn[] {
    const { sampleId, seed, from, to, size, population, readAtPosition } = command;
    const complaintIds = drawSample(population, seed, size);
    const drawnAt = command.metadata.now.toISOString();
    return [{ type: 'DipSampleDrawn', data: { sampleId, seed, from, to, size, populationSize: population.length, complaintIds, drawnAt, readAtPosition } }];
  },
};

/** 32-bit FNV-1a hash of the seed text. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small, well-known seeded PRNG: reproducible across Node versions, unlike Math.random. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
