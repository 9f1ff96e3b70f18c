import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { disposalCertificatesProjection, type DisposalCertificateRow } from '../../../../projections/retention/disposal-certificates.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { newestFirst } from '../../../http/newest-first.ts';
import type { Page } from '../../../http/page.ts';
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
    return newestFirst<DisposalCertificateRow & { closed_at: Date; disposed_at: Date }, Certificate>(
      this.database,
      {
        select: `SELECT id, case_kind, closed_at, closure_reason, to_char(due_on, 'YYYY-MM-DD') AS due_on, rule, subject_ids, disposed_by, disposed_at FROM disposal_certificates`,
        instant: 'disposed_at',
        id: 'id',
      },
      { ...filters, clauses: filters.kind ? [{ clause: (p) => `case_kind = ${p}`, value: filters.kind }] : [] },
      (row) => ({
        caseId: row.id,
        caseKind: row.case_kind as Certificate['caseKind'],
        closedAt: row.closed_at.toISOString(),
        closureReason: row.closure_reason,
        dueOn: row.due_on,
        rule: row.rule,
        subjectIds: row.subject_ids,
        by: row.disposed_by,
        disposedAt: row.disposed_at.toISOString(),
      }),
      (certificate) => [certificate.disposedAt, certificate.caseId],
    );
  }
}
