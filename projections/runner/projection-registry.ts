import { complaintListProjection } from '../complaints/complaint-list.projection.ts';
import { dipSamplesProjection } from '../complaints/dip-samples.projection.ts';
import { cjUpdatesProjection } from '../referrals/cj-updates.projection.ts';
import { referralListProjection } from '../referrals/referral-list.projection.ts';
import { resolutionListProjection } from '../resolutions/resolution-list.projection.ts';
import { accessLogProjection } from '../access-log/access-log.projection.ts';
import { caseTimelineProjection } from '../timeline/case-timeline.projection.ts';
import { caseSubjectsProjection } from '../case-subjects/case-subjects.projection.ts';
import { notifyOutboxProjection } from '../notify/notify-outbox.projection.ts';
import { personLinksProjection } from '../people/person-links.projection.ts';
import { subjectIndexProjection } from '../people/subject-index.projection.ts';
import type { Projection } from './projection.ts';
import { restrictedCasesProjection } from '../case-access/restricted-cases.projection.ts';
import { disposalCertificatesProjection } from '../retention/disposal-certificates.projection.ts';
import { followingSubjectDecisions } from './subject-rows.ts';

/** Every read model the service maintains; those copying personal data also follow decisions about their subjects. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  referralListProjection as unknown as Projection,
  caseTimelineProjection as unknown as Projection,
  complaintListProjection as unknown as Projection,
  resolutionListProjection as unknown as Projection,
  accessLogProjection as unknown as Projection,
  cjUpdatesProjection as unknown as Projection,
  dipSamplesProjection as unknown as Projection,
  restrictedCasesProjection as unknown as Projection,
  caseSubjectsProjection as unknown as Projection,
  notifyOutboxProjection as unknown as Projection,

  subjectIndexProjection as unknown as Projection,
  personLinksProjection as unknown as Projection,
  disposalCertificatesProjection as unknown as Projection,
].map(followingSubjectDecisions);

export function projectionNamed(name: string): Projection | undefined {
  return ALL_PROJECTIONS.find((projection) => projection.name === name);
}
