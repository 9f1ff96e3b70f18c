import { dipSampleEventDefinitions, type DipSampleDrawn } from '../../src/complaints/domain/dip-sample.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per dip sample drawn. Columns are those of dip_samples. */
export interface DipSampleRow {
  [column: string]: unknown;
  id: string;
  seed: string;
  from_day: string;
  to_day: string;
  size: number;
  population_size: number;
  complaint_ids: string[];
  drawn_at: string;
  /** Who drew it: the auditor or supervisor the command was made by. */
  drawn_by: string;
  read_at_position: string | null;
}

export const dipSamplesProjection: Projection<DipSampleRow> = {
  name: 'dip-samples',
  version: 2,
  table: 'dip_samples',
  eventTypes: dipSampleEventDefinitions.map((definition) => definition.type),
  rowIdOf: (event) => (event.data as DipSampleDrawn['data']).sampleId,
  evolve(_row, recorded) {
    const drawn = recorded.data as DipSampleDrawn['data'];
    return {
      id: drawn.sampleId,
      seed: drawn.seed,
      from_day: drawn.from,
      to_day: drawn.to,
      size: drawn.size,
      population_size: drawn.populationSize,
      complaint_ids: drawn.complaintIds,
      drawn_at: drawn.drawnAt,
      drawn_by: recorded.metadata.actor.sub,
      read_at_position: drawn.readAtPosition,
    };
  },
};
