import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { EventStoreUnavailable } from '../event-store/event-store.errors.ts';
import { isUnavailable } from './unavailable.ts';

function serverError(code: string, message = 'from the server'): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
}

describe('isUnavailable', () => {
  it.each([
    ['a backend terminated by an administrator or a restart', serverError('57P01')],
    ['a server starting up', serverError('57P03')],
    ['a statement cancelled by its timeout', serverError('57014')],
    ['a connection exception', serverError('08006')],
    ['too many connections', serverError('53300')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ["pg-pool's wait for a connection", new Error('timeout exceeded when trying to connect')],
    ["node-postgres's read timeout", new Error('Query read timeout')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ["TypeORM's wrapper", new QueryFailedError('SELECT 1', [], serverError('57P01'))],
    ['a cause', new Error('wrapped', { cause: new Error('Connection terminated') })],
    ['an aggregate of refusals', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })])],
    ['the event store', new EventStoreUnavailable('unreachable')],
  ])('holds for %s', (_, error) => expect(isUnavailable(error)).toBe(true));

  it.each([
    ['a value PostgreSQL refuses', serverError('22P05', 'unsupported Unicode escape sequence')],
    ['a unique violation', serverError('23505')],
    ["a server's data error quoting a sent value", serverError('22P02', 'invalid input syntax for type uuid: "Connection terminated"')],
    ['a programming error', new TypeError('x is undefined')],
    ['a non-error', 'Connection terminated'],
    ['nothing', undefined],
  ])('does not hold for %s', (_, error) => expect(isUnavailable(error)).toBe(false));
});
