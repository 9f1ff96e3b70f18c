import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import type { RetentionCaseKind, RetentionPeriod } from '../../settings/domain/retention.ts';

/**
 * The disposal certificate: which case went, when, under which retention rule and by whom. Ids, codes and
 * dates only, so it outlives the personal data it records the erasure of.
 */
export type CaseDisposed = DomainEvent<
  'CaseDisposed',
  {
    caseId: string;
    caseKind: RetentionCaseKind;
    closedAt: string;
    closureReason: string | null;
    /** The London day its retention period ran out. */
    dueOn: string;
    rule: RetentionPeriod;
    /** The data subjects (the case's own and its people) whose keys the disposal destroyed or found destroyed. */
    subjectIds: string[];
    /** The admin's `sub` (also in the event's metadata). */
    by: string;
    disposedAt: string;
  }
>;
export type DisposalEvent = CaseDisposed;

export const disposalEventDefinitions = [
  defineEvent({
    type: 'CaseDisposed',
    schemaVersion: 1,
    personalData: [],
    plain: ['caseId', 'caseKind', 'closedAt', 'closureReason', 'dueOn', 'rule.caseKind', 'rule.closureReason', 'subjectIds[]', 'by', 'disposedAt'],
  }),
];

/** A case's certificate has a stream of its own, beside the case's, which keeps nothing erasable. */
export const disposalStream = (caseId: string) => `disposal-${caseId}`;
