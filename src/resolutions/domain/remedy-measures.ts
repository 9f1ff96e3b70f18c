import type { RemedyMeasure } from '../../settings/domain/settings.events.ts';

export type Measure = RemedyMeasure;

/** A remedy as agreed carries its measure in its figures: an amount, hours, or neither. */
export const measureAgreed = (remedy: { amount: number | null; hours: number | null }): Measure | null =>
  remedy.amount !== null ? 'amount' : remedy.hours !== null ? 'hours' : null;
