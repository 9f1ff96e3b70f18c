import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { accessLogProjection, type AccessLogRow } from '../../../projections/access-log/access-log.projection.ts';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import { Roles } from '../../auth/roles.ts';
import { rangeOf } from '../../http/instant.ts';
import { awaitReadModels, MinPosition } from '../../http/min-position.ts';
import { decodeCursor, encodeCursor, type Page } from '../../http/page.ts';
import { AccessLogQueryDto } from './access-log.dto.ts';

export interface AccessLogEntry {
  id: string;
  at: string;
  user: string;
  roles: string[];
  caseIds: string[];
  method: string;
  route: string;
  purpose: string;
  /** Answered 404: the case is restricted and the user is not named on it. */
  refused: boolean;
}

/** Who looked at what, newest first, from the access-log read model. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/access-log')
export class AccessLogController {
  constructor(
    private readonly database: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @Roles('auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the log includes the write that returned this position' })
  @ApiOkResponse({ description: '{ items, nextCursor }: recorded reads, and refusals of restricted cases (`refused`), newest first' })
  async list(@Query() filters: AccessLogQueryDto, @MinPosition() minPosition: bigint | undefined): Promise<Page<AccessLogEntry>> {
    await awaitReadModels(this.projections, [accessLogProjection.name], minPosition);
    const limit = filters.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filters.case) add((p) => `case_ids @> jsonb_build_array(${p}::text)`, filters.case);
    if (filters.user) add((p) => `user_sub = ${p}`, filters.user);
    const { from, to } = rangeOf(filters.from, filters.to);
    if (from) add((p) => `at >= ${p}`, from);
    if (to) add((p) => `at < ${p}`, to);
    const after = decodeCursor(filters.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: (AccessLogRow & { at: Date })[] = await this.database.query(
      `SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((row) => ({ id: row.id, at: row.at.toISOString(), user: row.user_sub, roles: row.roles, caseIds: row.case_ids, method: row.method, route: row.route, purpose: row.purpose, refused: row.refused }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null };
  }
}
