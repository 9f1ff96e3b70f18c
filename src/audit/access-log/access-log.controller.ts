import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { accessLogProjection, type AccessLogRow } from '../../../projections/access-log/access-log.projection.ts';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import { Roles } from '../../auth/roles.ts';
import { awaitReadModels, MinPosition } from '../../http/min-position.ts';
import { newestFirst } from '../../http/newest-first.ts';
import type { Page } from '../../http/page.ts';
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
    const caseFilter = filters.case ? [{ clause: (p: string) => `case_ids @> jsonb_build_array(${p}::text)`, value: filters.case }] : [];
    const userFilter = filters.user ? [{ clause: (p: string) => `user_sub = ${p}`, value: filters.user }] : [];
    return newestFirst<AccessLogRow & { at: Date }, AccessLogEntry>(
      this.database,
      { select: 'SELECT * FROM access_log', instant: 'at', id: 'id' },
      { ...filters, clauses: [...caseFilter, ...userFilter] },
      (row) => ({ id: row.id, at: row.at.toISOString(), user: row.user_sub, roles: row.roles, caseIds: row.case_ids, method: row.method, route: row.route, purpose: row.purpose, refused: row.refused }),
      (entry) => [entry.at, entry.id],
    );
  }
}
