/**
 * Events with a position below this bound can no longer change: every transaction whose id is
 * below the snapshot's xmin has committed or aborted, and positions are `xid << 20 | index`. A reader
 * that stops at the bound never skips an event committed late by an older transaction, with no
 * time-based guess. Transactions that are still running hold the bound back until they finish.
 */
export const VISIBLE_BOUND = '(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)';

export const EVENT_COLUMNS = 'position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at';

/** One round trip: check the expectation, number the events and insert them, or insert nothing. */
export const APPEND_SQL = `
  WITH current AS (
    SELECT max(revision) AS revision FROM events WHERE stream = $1
  ), checked AS (
    SELECT coalesce(revision, -1) AS revision FROM current
     WHERE CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN revision IS NULL
             WHEN 'stream_exists' THEN revision IS NOT NULL
             ELSE revision IS NOT DISTINCT FROM $3::int
           END
  )
  INSERT INTO events (position, stream, revision, event_id, type, schema_version, data, metadata)
  SELECT (pg_current_xact_id()::text::bigint << 20) + e.ordinal, $1, checked.revision + e.ordinal, e.id, e.type, e.version, e.data, e.metadata
    FROM checked, unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[]) WITH ORDINALITY AS e(id, type, version, data, metadata, ordinal)
  RETURNING revision, position`;
