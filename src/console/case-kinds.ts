import { CASE_WIDE_FORMS } from './forms/case-wide-forms.ts';
import type { CommandForm } from './forms/command-form.ts';
import { COMPLAINT_FORMS } from './forms/complaint-forms.ts';
import { REFERRAL_FORMS } from './forms/referral-forms.ts';
import { RESOLUTION_FORMS } from './forms/resolution-forms.ts';

/** A kind of case the console shows: its API collection (also the console's path), page and forms. */
export interface CaseKind {
  path: 'referrals' | 'complaints' | 'community-resolutions';
  /** The view of one case. */
  template: string;
  forms: readonly CommandForm[];
  /** How a case is named at the top of its pages. */
  caption(body: Record<string, any>): string;
}

export const CASE_KINDS: readonly CaseKind[] = [
  { path: 'referrals', template: 'referral', forms: [...REFERRAL_FORMS, ...CASE_WIDE_FORMS], caption: (referral) => referral.victim?.name ?? 'Referral' },
  { path: 'complaints', template: 'complaint', forms: [...COMPLAINT_FORMS, ...CASE_WIDE_FORMS], caption: (complaint) => `Complaint ${complaint.reference ?? ''}`.trim() },
  { path: 'community-resolutions', template: 'resolution', forms: [...RESOLUTION_FORMS, ...CASE_WIDE_FORMS], caption: (resolution) => `Community Resolution ${resolution.crimeReference ?? ''}`.trim() },
];
