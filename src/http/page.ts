import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { isCalendarDate } from '../calendar/working-days.ts';
import { ValidationFailed } from './problem.ts';

/** `?limit=&cursor=` on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * Keyset cursors: the sort key of the last item, opaque to clients. Every list here sorts by a date or an
 * instant (as PostgreSQL or toISOString writes it, or `infinity` for "nothing due") and then by the case's id.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === 'string' || typeof part === 'number') && isListKey(key)) return key;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 2026-11-23, 2026-11-23 18:41:50.835+00 (PostgreSQL) or 2026-11-23T18:41:50.835Z (ISO). */
const SORT_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?))?$/;

/** A key this API could have issued: [date or instant or infinity, uuid]; anything else would only fail in SQL. */
function isListKey(key: readonly (string | number)[]): boolean {
  const [sortKey, id] = [key[0], key.at(-1)];
  if (typeof id !== 'string' || !UUID.test(id) || typeof sortKey !== 'string') return false;
  if (sortKey === 'infinity') return true;
  const day = SORT_INSTANT.exec(sortKey)?.[1];
  return day !== undefined && isCalendarDate(day);
}
