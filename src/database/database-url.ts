/** The PostgreSQL connection string for requests: the least-privileged runtime role's (see runtime-role.ts). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/** The schema owner's (DATABASE_URL, or the embedded server's): for the projectors, whose rebuilds create and swap tables. */
export const OWNER_DATABASE_URL = Symbol('OWNER_DATABASE_URL');

export interface DatabaseUrls {
  owner: string;
  runtime: string;
}
