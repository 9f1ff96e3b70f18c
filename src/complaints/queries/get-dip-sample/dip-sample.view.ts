import type { DipSampleEntry } from '../../../../projections/complaints/dip-sample.entity.ts';
import { complaintReference } from '../../complaint-stream.ts';

/** A dip sample as drawn: its seed and range (enough to draw it again), and the files chosen, in order. */
export interface DipSampleView {
  id: string;
  seed: string;
  from: string;
  to: string;
  size: number;
  populationSize: number;
  complaints: { id: string; reference: string }[];
  drawnAt: string;
  drawnBy: string;
  /** The event store position the population was read at: every complaint logged up to it; null for early draws. */
  readAtPosition: string | null;
}

export function toDipSampleView(row: DipSampleEntry): DipSampleView {
  return {
    id: row.id,
    seed: row.seed,
    from: row.fromDay,
    to: row.toDay,
    size: row.size,
    populationSize: row.populationSize,
    complaints: row.complaintIds.map((id) => ({ id, reference: complaintReference(id) })),
    drawnAt: row.drawnAt.toISOString(),
    drawnBy: row.drawnBy,
    readAtPosition: row.readAtPosition,
  };
}
