import type { Role } from '../../auth/roles.ts';
import { ValidationFailed } from '../../http/problem.ts';

/** What a role reads personal data for, unless the caller declares otherwise in X-Purpose: each an entry of the `accessPurposes` list. */
const DEFAULT_PURPOSES: Record<Role, string> = {
  case_manager: 'victim-support',
  crt_officer: 'complaint-handling',
  resolution_officer: 'community-resolution',
  supervisor: 'supervision',
  auditor: 'audit',
  admin: 'administration',
};

/** The purpose of a read: the role's default, or one chosen from the configured list (never free text, which could name someone). */
export function purposeOf(header: string | string[] | undefined, roles: readonly Role[], purposes: readonly string[]): string {
  if (header === undefined) return roles.map((role) => DEFAULT_PURPOSES[role]).find(Boolean) ?? 'unspecified';
  if (typeof header !== 'string' || !purposes.includes(header)) {
    throw new ValidationFailed([{ field: 'X-Purpose', message: `X-Purpose must be one of the configured purposes: ${purposes.join(', ')}` }]);
  }
  return header;
}
