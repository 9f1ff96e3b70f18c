import type pg from 'pg';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port.ts';
import { APPEND_SQL } from './postgres-sql.ts';

export interface AppendRequest {
  stream: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}

export interface AppendedRow {
  stream: string;
  revision: number;
  position: string;
}

/** The append statement for appends to distinct streams; exported so tests can run it inside a transaction they hold open. */
export function appendStatement(requests: readonly AppendRequest[]): pg.QueryConfig {
  const events = requests.flatMap((request) => request.events.map((event, index) => ({ stream: request.stream, place: index + 1, event })));
  // Named, so each connection parses and plans it once: planning cost more than running it.
  return {
    name: 'casework-append',
    text: APPEND_SQL,
    values: [
      requests.map((request) => request.stream),
      requests.map((request) => (typeof request.expected === 'number' ? 'exact' : request.expected)),
      requests.map((request) => (typeof request.expected === 'number' ? request.expected : null)),
      events.map(({ stream }) => stream),
      events.map(({ place }) => place),
      events.map(({ event }) => event.id),
      events.map(({ event }) => event.type),
      events.map(({ event }) => event.schemaVersion),
      events.map(({ event }) => JSON.stringify(event.data)),
      events.map(({ event }) => JSON.stringify(event.metadata)),
    ],
  };
}

/** Splits appends into rounds in which each stream appears once, in the order they were asked for. */
export function roundsOfDistinctStreams<T extends { stream: string }>(requests: readonly T[]): T[][] {
  const rounds: T[][] = [];
  const roundOfStream = new Map<string, number>();
  for (const request of requests) {
    const round = (roundOfStream.get(request.stream) ?? -1) + 1;
    roundOfStream.set(request.stream, round);
    (rounds[round] ??= []).push(request);
  }
  return rounds;
}

/** RETURNING promises no order, so an append's result is its highest revision and position. */
export function lastOf(rows: readonly { revision: number; position: string }[]): AppendResult {
  return rows.reduce<AppendResult>(
    (last, row) => {
      const position = BigInt(row.position);
      return { revision: Math.max(last.revision, row.revision), position: position > last.position ? position : last.position };
    },
    { revision: -1, position: -1n },
  );
}

/** Rows grouped by their stream, each group in the order given (Map.groupBy is not in Node 20). */
export function groupedByStream<T extends { stream: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.stream);
    if (group) group.push(row);
    else groups.set(row.stream, [row]);
  }
  return groups;
}
