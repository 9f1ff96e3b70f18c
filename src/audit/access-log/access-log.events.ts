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

/** A user was answered 404 because the case is restricted and they are not named on it: the same record as a read. */
export type CaseAccessRefused = DomainEvent<'CaseAccessRefused', CaseAccessed['data']>;

const ACCESS_RECORD = ['user', 'roles[]', 'caseIds[]', 'method', 'route', 'purpose', 'at'];

export const accessLogEventDefinitions = [
  defineEvent({ type: 'CaseAccessed', schemaVersion: 1, personalData: [], plain: ACCESS_RECORD }),
  defineEvent({ type: 'CaseAccessRefused', schemaVersion: 1, personalData: [], plain: ACCESS_RECORD }),
];

/** One stream per user per day: writers never contend with other users' reads. */
export const accessLogStream = (user: string, day: string) => `access-log-${day}-${user}`;
