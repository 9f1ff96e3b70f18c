/**
 * The two menu items measured in numbers: compensation in pence and community work in hours. The
 * menu is configurable, but these ids are its measured entries; any other entry has no amount or hours.
 */
export const COMPENSATION = 'financial-compensation';
export const COMMUNITY_WORK = 'unpaid-community-work';

export type Measure = 'amount' | 'hours';

export const measureOf = (remedyType: string): Measure | null => (remedyType === COMPENSATION ? 'amount' : remedyType === COMMUNITY_WORK ? 'hours' : null);
