/**
 * Events with a position below this bound can no longer change: every transaction whose id is
 * below the snapshot's xmin has committed or aborted, and positions are `xid << 20 | index`. A reader
 * that stops at the bound never skips an event committed late by an older transaction, with no
 * time-based guess. Transactions that are still running hold the bound back until they finish.
 */
export const VISIBLE_BOUND = '(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)';

/**
 * What a reader gets of an event: metadata as text, parsed only if read, and `recorded_at` as epoch milliseconds,
 * a number being far cheaper to parse than a timestamp's text.
 */
export const EVENT_COLUMNS = 'position, stream, revision, event_id, type, schema_version, data, metadata::text AS metadata_json, (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_at_ms';

/**
 * `readTail`'s read ($1 after, $2 at most, $3 types or null, $4 how many events of any type it may look at). Its
 * events (`wanted`) come in order, then one row of nulls but for `tail_head`, the newest position of any type below
 * the bound. The look reads the log in order, so a batch of common types reads no further than its last event;
 * where it looked at all the `$4` events it may, its last is returned too (`look_end`, and `wanted` only if of the
 * types): so a reader of a few types resumes past what it has looked at rather than scanning the same events again.
 * One ordered scan: rows are neither sorted nor counted again (a merge of the two ordered parts, not a sort).
 */
export const TAIL_SQL = `
  SELECT * FROM (
    SELECT ${EVENT_COLUMNS}, $3::text[] IS NULL OR type = ANY($3) AS wanted, look_rank = $4 AS look_end, NULL::text AS tail_head
      FROM (SELECT *, row_number() OVER (ORDER BY position) AS look_rank
              FROM (SELECT * FROM events WHERE position > $1 AND position < ${VISIBLE_BOUND} ORDER BY position LIMIT $4) AS looked) AS ranked
     WHERE $3::text[] IS NULL OR type = ANY($3) OR look_rank = $4
     ORDER BY position LIMIT $2) AS page
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT max(position) FROM events WHERE position < ${VISIBLE_BOUND})::text
  ORDER BY 1 NULLS LAST`;

/**
 * One round trip for any number of appends to distinct streams: each append's expectation is checked
 * against its stream's end, and the events of the appends that pass are numbered after it and inserted,
 * all in one transaction (so one commit for the lot); an append that fails its check inserts nothing.
 * $1..$3 hold one entry per append, $4..$10 one per event, with its 1-based place in its append.
 */
export const APPEND_SQL = `
  WITH checked AS (
    SELECT a.stream, coalesce(tip.revision, -1) AS revision
      FROM unnest($1::text[], $2::text[], $3::int[]) AS a(stream, expectation, expected_revision)
     CROSS JOIN LATERAL (SELECT max(revision) AS revision FROM events WHERE stream = a.stream) AS tip
     WHERE CASE a.expectation
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN tip.revision IS NULL
             WHEN 'stream_exists' THEN tip.revision IS NOT NULL
             ELSE tip.revision IS NOT DISTINCT FROM a.expected_revision
           END
  )
  INSERT INTO events (position, stream, revision, event_id, type, schema_version, data, metadata)
  SELECT (pg_current_xact_id()::text::bigint << 20) + e.ordinal, e.stream, checked.revision + e.place, e.id, e.type, e.version, e.data, e.metadata
    FROM unnest($4::text[], $5::int[], $6::uuid[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[])
         WITH ORDINALITY AS e(stream, place, id, type, version, data, metadata, ordinal)
    JOIN checked ON checked.stream = e.stream
  RETURNING stream, revision, position`;
