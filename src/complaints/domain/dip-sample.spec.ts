import { describe, expect, it } from '@jest/globals';
import { EventCatalog } from '../../event-store/event-catalog.ts';
import { dipSampleDecider, dipSampleEventDefinitions, drawSample } from './dip-sample.ts';

const population = Array.from({ length: 40 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);

describe('dip samples', () => {
  it('draws the same complaints for the same seed, whatever order the population arrives in', () => {
    const first = drawSample(population, 'Q1 panel', 5);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
    expect(drawSample([...population].reverse(), 'Q1 panel', 5)).toEqual(first);
  });

  it('draws a different selection for another seed', () => {
    expect(drawSample(population, 'Q2 panel', 5)).not.toEqual(drawSample(population, 'Q1 panel', 5));
  });

  it('returns the whole population, shuffled, when the sample is larger', () => {
    const all = drawSample(population.slice(0, 3), 'seed', 10);
    expect([...all].sort()).toEqual(population.slice(0, 3));
  });

  it('records the sample with its seed, range, population size and the position its population was read at', () => {
    const now = new Date('2026-07-01T10:00:00Z');
    const command = { type: 'DrawDipSample', sampleId: 'd-1', seed: 's', from: '2026-04-01', to: '2026-06-30', size: 2, population, readAtPosition: '42', metadata: { now } } as const;
    const [event] = dipSampleDecider.decide(command, { drawn: 0 });
    expect(event).toEqual({
      type: 'DipSampleDrawn',
      data: { sampleId: 'd-1', seed: 's', from: '2026-04-01', to: '2026-06-30', size: 2, populationSize: 40, complaintIds: drawSample(population, 's', 2), drawnAt: now.toISOString(), readAtPosition: '42' },
    });
  });

  it('reads a draw stored before version 2 as one whose position was not recorded', () => {
    const stored = { sampleId: 'd-1', seed: 's', from: '2026-04-01', to: '2026-06-30', size: 2, populationSize: 40, complaintIds: [], drawnAt: '2026-07-01T10:00:00.000Z' };
    const read = new EventCatalog(dipSampleEventDefinitions).toDomain({ type: 'DipSampleDrawn', schemaVersion: 1, data: stored });
    expect(read.data).toEqual({ ...stored, readAtPosition: null });
  });
});
