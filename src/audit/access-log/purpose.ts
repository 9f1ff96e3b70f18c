import type { Role } from '../../auth/roles.ts';
import { ValidationFailed } from '../../http/problem.ts';

/** What a role reads personal data for, unless the caller declares otherwise in X-Purpose. */
const DEFAULT_PURPOSES: Record<Role, string> = {
  case_manager: 'victim-support',
  crt_officer: 'complaint-handling',
  resolution_officer: 'community-resolution',
  supervisor: 'supervision',
  auditor: 'audit',
  admin: 'administration',
};

const DECLARED_PURPOSE = /^[\w .,:/()-]{1,120}$/;

export function purposeOf(header: string | string[] | undefined, roles: readonly Role[]): string {
  if (header === undefined) return roles.map((role) => DEFAULT_PURPOSES[role]).find(Boolean) ?? 'unspecified';
  if (typeof header !== 'string' || !DECLARED_PURPOSE.test(header)) {
    throw new ValidationFailed([{ field: 'X-Purpose', message: 'X-Purpose must be a short plain-text purpose (at most 120 characters)' }]);
  }
  return header;
}
