import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { disposalCertificatesProjection, type DisposalCertificateRow } from '../../../../projections/retention/disposal-certificates.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import { rangeOf } from '../../../http/instant.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import type { CaseDisposed } from '../../domain/disposal.events.ts';
import { DUE_EXAMPLE } from '../disposals-due/disposals-due.controller.ts';
import { DisposalCertificatesQueryDto } from './disposal-certificates.dto.ts';

type Certificate = CaseDisposed['data'];

const EXAMPLE: Certificate = { ...DUE_EXAMPLE, subjectIds: [DUE_EXAMPLE.caseId, '5d0e7b0a-8a54-4e4c-a4c1-2f0c7f7f3b11'], by: 'admin-1', disposedAt: '2026-12-04T01:00:00.000Z' };

/** The disposal certificates, newest first: what went, when, under which rule and by whom. Ids and codes only. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('admin/disposals')
export class DisposalCertificatesController {
  constructor(
    private readonly database: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the list includes the disposal that returned this position' })
  @ApiOkResponse({ description: '{ items, nextCursor }: one certificate per case disposed of, newest first', schema: { example: { items: [EXAMPLE], nextCursor: null } } })
  async list(@Query() filters: DisposalCertificatesQueryDto, @MinPosition() minPosition: bigint | undefined): Promise<Page<Certificate>> {
    await awaitReadModels(this.projections, [disposalCertificatesProjection.name], minPosition);
    const limit = filters.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filters.kind) add((p) => `case_kind = ${p}`, filters.kind);
    const { from, to } = rangeOf(filters.from, filters.to);
    if (from) add((p) => `disposed_at >= ${p}`, from);
    if (to) add((p) => `disposed_at < ${p}`, to);
    const after = decodeCursor(filters.cursor, 2);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(disposed_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: (DisposalCertificateRow & { closed_at: Date; disposed_at: Date })[] = await this.database.query(
      `SELECT id, case_kind, closed_at, closure_reason, to_char(due_on, 'YYYY-MM-DD') AS due_on, rule, subject_ids, disposed_by, disposed_at
         FROM disposal_certificates ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY disposed_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((row) => ({
      caseId: row.id,
      caseKind: row.case_kind as Certificate['caseKind'],
      closedAt: row.closed_at.toISOString(),
      closureReason: row.closure_reason,
      dueOn: row.due_on,
      rule: row.rule,
      subjectIds: row.subject_ids,
      by: row.disposed_by,
      disposedAt: row.disposed_at.toISOString(),
    }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.disposedAt, last.caseId]) : null };
  }
}
