import type { MigrationInterface } from 'typeorm';
import { ProjectionCheckpoints1763800001500 } from '../../projections/runner/1763800001500-projection-checkpoints.ts';
import { ComplaintList1763800003000 } from '../../projections/complaints/1763800003000-complaint-list.ts';
import { ComplaintListQueryIndexes1763800008100 } from '../../projections/complaints/1763800008100-complaint-list-query-indexes.ts';
import { ComplaintListReportColumns1763800009200 } from '../../projections/complaints/1763800009200-complaint-list-report-columns.ts';
import { ResolutionListReportColumns1763800009300 } from '../../projections/resolutions/1763800009300-resolution-list-report-columns.ts';
import { ReferralList1763800002000 } from '../../projections/referrals/1763800002000-referral-list.ts';
import { ReferralListUpdatesDue1763800002600 } from '../../projections/referrals/1763800002600-referral-list-updates-due.ts';
import { ReferralListOwingIndex1763800009800 } from '../../projections/referrals/1763800009800-referral-list-owing-index.ts';
import { ReferralListNewestNames1763800009900 } from '../../projections/referrals/1763800009900-referral-list-newest-names.ts';
import { ReferralListDemographics1763800300300 } from '../../projections/referrals/1763800300300-referral-list-demographics.ts';
import { ComplaintListDemographics1763800310000 } from '../../projections/complaints/1763800310000-complaint-list-demographics.ts';
import { ResolutionListDemographics1763800310100 } from '../../projections/resolutions/1763800310100-resolution-list-demographics.ts';
import { ReferralListJourneyFigures1763800250100 } from '../../projections/referrals/1763800250100-referral-list-journey-figures.ts';
import { ReferralListTeamLists1763800250000 } from '../../projections/referrals/1763800250000-referral-list-team-lists.ts';
import { ReferralListQueryIndexes1763800008000 } from '../../projections/referrals/1763800008000-referral-list-query-indexes.ts';
import { ResolutionList1763800004000 } from '../../projections/resolutions/1763800004000-resolution-list.ts';
import { AccessLog1763800005000 } from '../../projections/access-log/1763800005000-access-log.ts';
import { CaseTimeline1763800002500 } from '../../projections/timeline/1763800002500-case-timeline.ts';
import { CaseTimelineSubjects1763800290100 } from '../../projections/timeline/1763800290100-case-timeline-subjects.ts';
import { DisposalCertificates1763800300100 } from '../../projections/retention/1763800300100-disposal-certificates.ts';
import { StatusPageViews1763800320000 } from '../status-page/1763800320000-status-page-views.ts';
import { DataSubjectKeys1763800006000 } from '../personal-data/1763800006000-data-subject-keys.ts';
import { IntegrityCheckpoints1763800007000 } from '../event-store/integrity/1763800007000-integrity-checkpoints.ts';
import { DipSamples1763800009700 } from '../../projections/complaints/1763800009700-dip-samples.ts';
import { CjUpdates1763800009100 } from '../../projections/referrals/1763800009100-cj-updates.ts';
import { ReferralListReportColumns1763800009000 } from '../../projections/referrals/1763800009000-referral-list-report-columns.ts';
import { ReferralListReportIndex1763800009600 } from '../../projections/referrals/1763800009600-referral-list-report-index.ts';
import { ParkedEvents1763800010100 } from '../../projections/runner/1763800010100-parked-events.ts';
import { AccentInsensitiveSearch1763800009500 } from './1763800009500-accent-insensitive-search.ts';
import { EventStore1763800000000 } from '../event-store/postgres/1763800000000-event-store.ts';
import { IdempotencyKeys1763800001000 } from '../command-pipeline/idempotency/1763800001000-idempotency-keys.ts';
import { IdempotencyClaimedBy1763800290000 } from '../command-pipeline/idempotency/1763800290000-idempotency-claimed-by.ts';
import { KnownUsers1763800010500 } from '../auth/1763800010500-known-users.ts';
import { UpdateClocks1763800011200 } from '../../projections/referrals/1763800011200-update-clocks.ts';
import { NotifyOutbox1763800270000 } from '../../projections/notify/1763800270000-notify-outbox.ts';
import { NotifyDispatches1763800270100 } from '../notify/outbox/1763800270100-notify-dispatches.ts';
import { DipSamplesReadAt1763800011520 } from '../../projections/complaints/1763800011520-dip-samples-read-at.ts';
import { DataSubjectCases1763800200000 } from '../personal-data/1763800200000-data-subject-cases.ts';
import { CaseSubjects1763800210000 } from '../../projections/case-subjects/1763800210000-case-subjects.ts';
import { ReferralListProposal1763800211000 } from '../../projections/referrals/1763800211000-referral-list-proposal.ts';
import { ComplaintListClocks1763800212000 } from '../../projections/complaints/1763800212000-complaint-list-clocks.ts';
import { ReferralListOpenUpdates1763800330000 } from '../../projections/referrals/1763800330000-referral-list-open-updates.ts';
import { ComplaintListClockStarts1763800330100 } from '../../projections/complaints/1763800330100-complaint-list-clock-starts.ts';
import { ReferralListReportSpan1763800330200 } from '../../projections/referrals/1763800330200-referral-list-report-span.ts';
import { ReadModelSubjects1763800220000 } from '../../projections/runner/1763800220000-read-model-subjects.ts';
import { RestrictedCases1763800230000 } from '../../projections/case-access/1763800230000-restricted-cases.ts';
import { AccessLogRefusals1763800230100 } from '../../projections/access-log/1763800230100-access-log-refusals.ts';
import { ChangeFeedTriggers1763800300500 } from './1763800300500-change-feed-triggers.ts';
import { ComplaintListFixedDue1763800370000 } from '../../projections/complaints/1763800370000-complaint-list-fixed-due.ts';
import { ReferralListUpdateLearned1763800370100 } from '../../projections/referrals/1763800370100-referral-list-update-learned.ts';
import { ClosureColumns1763800380000 } from '../../projections/retention/1763800380000-closure-columns.ts';
import { ErasureRecorded1763800380100 } from '../personal-data/1763800380100-erasure-recorded.ts';
import { CheckpointOutsideWrites1763800360000 } from '../../projections/runner/1763800360000-checkpoint-outside-writes.ts';
import { ChangeFeedDisposals1763800360100 } from './1763800360100-change-feed-disposals.ts';
import { People1763800240000 } from '../../projections/people/1763800240000-people.ts';

/** Every schema change in order. A migration that reached main is never edited: add a new one. */
export const migrations: (new () => MigrationInterface)[] = [
  EventStore1763800000000,
  IdempotencyKeys1763800001000,
  ProjectionCheckpoints1763800001500,
  ReferralList1763800002000,
  CaseTimeline1763800002500,
  ReferralListUpdatesDue1763800002600,
  ComplaintList1763800003000,
  ResolutionList1763800004000,
  AccessLog1763800005000,
  DataSubjectKeys1763800006000,
  IntegrityCheckpoints1763800007000,
  ReferralListQueryIndexes1763800008000,
  ComplaintListQueryIndexes1763800008100,
  ReferralListReportColumns1763800009000,
  CjUpdates1763800009100,
  ComplaintListReportColumns1763800009200,
  ResolutionListReportColumns1763800009300,
  AccentInsensitiveSearch1763800009500,
  ReferralListReportIndex1763800009600,
  DipSamples1763800009700,
  ReferralListOwingIndex1763800009800,
  ReferralListNewestNames1763800009900,
  ParkedEvents1763800010100,
  KnownUsers1763800010500,
  UpdateClocks1763800011200,
  DipSamplesReadAt1763800011520,
  DataSubjectCases1763800200000,
  CaseSubjects1763800210000,
  ReferralListProposal1763800211000,
  ComplaintListClocks1763800212000,
  ReadModelSubjects1763800220000,
  RestrictedCases1763800230000,
  AccessLogRefusals1763800230100,
  People1763800240000,
  ReferralListTeamLists1763800250000,
  ReferralListJourneyFigures1763800250100,
  NotifyOutbox1763800270000,
  NotifyDispatches1763800270100,
  IdempotencyClaimedBy1763800290000,
  CaseTimelineSubjects1763800290100,
  DisposalCertificates1763800300100,
  ReferralListDemographics1763800300300,
  ChangeFeedTriggers1763800300500,
  ComplaintListDemographics1763800310000,
  ResolutionListDemographics1763800310100,
  StatusPageViews1763800320000,
  ReferralListOpenUpdates1763800330000,
  ComplaintListClockStarts1763800330100,
  ReferralListReportSpan1763800330200,
  CheckpointOutsideWrites1763800360000,
  ChangeFeedDisposals1763800360100,
  ComplaintListFixedDue1763800370000,
  ReferralListUpdateLearned1763800370100,
  ClosureColumns1763800380000,
  ErasureRecorded1763800380100,
];
