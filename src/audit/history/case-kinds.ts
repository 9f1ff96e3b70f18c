import { timelineEntryOf, type TimelineEntry } from '../../../projections/timeline/case-timeline.projection.ts';
import { complaintStream } from '../../complaints/complaint-stream.ts';
import { complaintDecider } from '../../complaints/domain/complaint.decide.ts';
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
}

type Existing<State> = Exclude<State, { status: 'none' }>;
type ToView<State> = (state: Existing<State>, revision: number, timeline: TimelineEntry[], settings: Settings, now: Date) => object;

function caseKind<State extends { status: string }, Event extends DomainEvent>(
  kind: string,
  streamOf: (caseId: string) => string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  toView: ToView<State>,
): CaseKind {
  return {
    kind,
    streamOf,
    viewAt(history, catalog, settings, asOf) {
      const state = fold(decider, history.map((event) => catalog.toDomain<Event>(event)));
      if (state.status === 'none') return undefined;
      return toView(state as Existing<State>, history.at(-1)!.revision, history.map(timelineEntryOf), settings, asOf);
    },
  };
}

export const CASE_KINDS: readonly CaseKind[] = [
  caseKind('referral', referralStream, referralDecider, toReferralView),
  caseKind('complaint', complaintStream, complaintDecider, toComplaintView),
  caseKind('community-resolution', resolutionStream, resolutionDecider, toResolutionView),
];
