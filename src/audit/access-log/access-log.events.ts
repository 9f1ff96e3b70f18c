import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

/**
 * A user read a case or personal data. Only ids and the route's pattern are kept (never a search
 * term or a query string), so the access log is never itself a source of personal data.
 */
export type CaseAccessed = DomainEvent<
  'CaseAccessed',
  {
    user: string;
    roles: string[];
    /** The cases whose data the response carried: one for a case page, every listed case for a list. */
    caseIds: string[];
    method: string;
    route: string;
    purpose: string;
    at: string;
  }
>;

export const accessLogEventDefinitions = [
  defineEvent({ type: 'CaseAccessed', schemaVersion: 1, personalData: [], plain: ['user', 'roles[]', 'caseIds[]', 'method', 'route', 'purpose', 'at'] }),
];

/** One stream per user per day: writers never contend with other users' reads. */
export const accessLogStream = (user: string, day: string) => `access-log-${day}-${user}`;
