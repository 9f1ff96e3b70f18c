import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { restrictedCasesProjection, type RestrictedCaseRow } from '../../../../projections/case-access/restricted-cases.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { CaseHistories } from '../../../audit/history/case-history.ts';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';

export type RestrictedAccessView =
  | { restricted: false }
  | { restricted: true; reason: string; users: string[]; teams: string[]; since: string; changedBy: string; changedAt: string };

@ApiTags('restricted access')
@ApiBearerAuth()
@Controller('cases')
export class GetRestrictedAccessController {
  constructor(
    private readonly database: DataSource,
    private readonly cases: CaseHistories,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':id/restricted-access')
  @Roles('supervisor', 'auditor')
  @AccessLogged()
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the answer includes the write that returned this position' })
  @ApiOkResponse({
    description: 'Whether the case is restricted, and if so why, who is named (users and teams), since when, and who changed it last',
    schema: { example: { restricted: true, reason: 'staff-member-involved', users: ['sup-01', 'cm-07'], teams: ['psd'], since: '2026-12-04T09:00:00.000Z', changedBy: 'sup-01', changedAt: '2026-12-04T09:00:00.000Z' } },
  })
  @ApiNotFoundResponse({ description: 'No such case, or one restricted without naming the caller' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined): Promise<RestrictedAccessView> {
    if (!(await this.cases.kindOf(id))) throw new CaseNotFound(id);
    await awaitReadModels(this.projections, [restrictedCasesProjection.name], minPosition);
    const [row]: (RestrictedCaseRow & { since: Date; changed_at: Date })[] = await this.database.query('SELECT * FROM restricted_cases WHERE id = $1', [id]);
    if (!row) return { restricted: false };
    return { restricted: true, reason: row.reason, users: row.users, teams: row.teams, since: row.since.toISOString(), changedBy: row.changed_by, changedAt: row.changed_at.toISOString() };
  }
}
