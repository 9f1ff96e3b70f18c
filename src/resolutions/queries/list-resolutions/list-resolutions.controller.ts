import { caseSubjectsProjection } from '../../../../projections/case-subjects/case-subjects.projection.ts';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { resolutionListProjection } from '../../../../projections/resolutions/resolution-list.projection.ts';
import { restrictedCasesProjection } from '../../../../projections/case-access/restricted-cases.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import type { Page } from '../../../http/page.ts';
import { ListResolutionsDto } from './list-resolutions.dto.ts';
import { ListResolutionsQuery, type ResolutionListItem } from './list-resolutions.query.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class ListResolutionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @AccessLogged()
  @Roles('resolution_officer', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the list includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: '{ items, nextCursor }, newest first' })
  async list(@Query() filters: ListResolutionsDto, @MinPosition() minPosition: bigint | undefined, @CurrentUser() caller: AuthenticatedUser): Promise<Page<ResolutionListItem>> {
    await awaitReadModels(this.projections, [resolutionListProjection.name, restrictedCasesProjection.name, caseSubjectsProjection.name], minPosition);
    return this.queries.execute(new ListResolutionsQuery(filters, caller));
  }
}
