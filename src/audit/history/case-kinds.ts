import { timelineEntryOf, type TimelineEntry } from '../../../projections/timeline/case-timeline.projection.ts';
import { complaintStream } from '../../complaints/complaint-stream.ts';
import { complaintDecider } from '../../complaints/domain/complaint.decide.ts';
import { retentionClosureOf } from '../../complaints/domain/retention-closure.ts';
import { toComplaintView } from '../../complaints/queries/get-complaint/complaint.view.ts';
import type { EventCatalog } from '../../event-store/event-catalog.ts';
import type { RecordedEvent } from '../../event-store/event-store.port.ts';
import { referralDecider } from '../../referrals/domain/referral.decide.ts';
import { toReferralView } from '../../referrals/queries/get-referral/referral.view.ts';
import { referralStream } from '../../referrals/referral-stream.ts';
import { resolutionDecider } from '../../resolutions/domain/resolution.decide.ts';
import { toResolutionView } from '../../resolutions/queries/get-resolution/resolution.view.ts';
import { resolutionStream } from '../../resolutions/resolution-stream.ts';
import type { Settings } from '../../settings/settings.ts';
import { fold, type Decider, type DomainEvent } from '../../shared/domain/decider.ts';

/**
 * A kind of case an auditor can replay: where its events live, and how a prefix of its history
 * becomes the same view today's GET returns, folded by the same evolve the commands use.
 */
export interface CaseKind {
  kind: string;
  streamOf(caseId: string): string;
  /** The case as it stood after `history` (already cut at the point asked for); undefined before it existed. */
  viewAt(history: readonly RecordedEvent[], catalog: EventCatalog, settings: Settings, asOf: Date): object | undefined;
  /** When the case closed for the retention schedule, as its history says now; null while it is open. */
  closedAt(history: readonly RecordedEvent[], catalog: EventCatalog): string | null;
}

type Existing<State> = Exclude<State, { status: 'none' }>;
type ToView<State> = (state: Existing<State>, revision: number, timeline: TimelineEntry[], settings: Settings, now: Date) => object;

function caseKind<State extends { status: string }, Event extends DomainEvent>(
  kind: string,
  streamOf: (caseId: string) => string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  toView: ToView<State>,
  closedAt: (state: Existing<State>) => string | null,
): CaseKind {
  const stateAfter = (history: readonly RecordedEvent[], catalog: EventCatalog) => {
    const state = fold(decider, history.map((event) => catalog.toDomain<Event>(event)));
    return state.status === 'none' ? undefined : (state as Existing<State>);
  };
  return {
    kind,
    streamOf,
    viewAt(history, catalog, settings, asOf) {
      const state = stateAfter(history, catalog);
      return state && toView(state, history.at(-1)!.revision, history.map(timelineEntryOf), settings, asOf);
    },
    closedAt(history, catalog) {
      const state = stateAfter(history, catalog);
      return state ? closedAt(state) : null;
    },
  };
}

export const CASE_KINDS: readonly CaseKind[] = [
  caseKind('referral', referralStream, referralDecider, toReferralView, (referral) => referral.closure?.at ?? null),
  caseKind('complaint', complaintStream, complaintDecider, toComplaintView, (complaint) => retentionClosureOf(complaint)?.at ?? null),
  caseKind('community-resolution', resolutionStream, resolutionDecider, toResolutionView, (resolution) => resolution.closure?.at ?? null),
];
