import { caseSubjectsProjection } from '../../../../projections/case-subjects/case-subjects.projection.ts';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { restrictedCasesProjection } from '../../../../projections/case-access/restricted-cases.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { referralListProjection } from '../../../../projections/referrals/referral-list.projection.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import type { Page } from '../../../http/page.ts';
import { ListReferralsDto } from './list-referrals.dto.ts';
import { ListReferralsQuery, type ReferralListItem } from './list-referrals.query.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ListReferralsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @AccessLogged()
  @Roles('case_manager', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the list includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: '{ items, nextCursor }: newest first; one\'s own caseload (`caseManager=me`), overdue lists (`overdue=true`) and `dueBy` lists what is due first; each item flags a delayed police referral' })
  async list(@Query() filters: ListReferralsDto, @MinPosition() minPosition: bigint | undefined, @CurrentUser() caller: AuthenticatedUser): Promise<Page<ReferralListItem>> {
    await awaitReadModels(this.projections, [referralListProjection.name, restrictedCasesProjection.name, caseSubjectsProjection.name], minPosition);
    const ownCaseload = filters.caseManager === 'me';
    const caseManager = ownCaseload ? caller.sub : filters.caseManager;
    // Whoever works a list of what is owed starts from the longest owed.
    const order = ownCaseload || filters.overdue === true || filters.dueBy !== undefined ? 'due' : 'newest';
    return this.queries.execute(new ListReferralsQuery({ ...filters, caseManager }, order, caller));
  }
}
