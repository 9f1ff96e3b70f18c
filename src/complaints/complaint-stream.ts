/** One stream per complaint. */
export const complaintStream = (complaintId: string) => `complaint-${complaintId}`;

/** The Customer Response Team's roles: they and supervisors change complaints. */
export const CRT_ROLES = ['crt_officer', 'supervisor'] as const;
/** Reads add the auditors. */
export const COMPLAINT_READER_ROLES = [...CRT_ROLES, 'auditor'] as const;

/** The reference a complainant quotes: short, stable, and derived from nothing personal. */
export const complaintReference = (complaintId: string) => `CRT-${complaintId.slice(0, 8).toUpperCase()}`;
