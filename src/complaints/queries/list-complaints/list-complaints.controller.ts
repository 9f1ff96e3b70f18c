import { caseSubjectsProjection } from '../../../../projections/case-subjects/case-subjects.projection.ts';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { restrictedCasesProjection } from '../../../../projections/case-access/restricted-cases.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import type { Page } from '../../../http/page.ts';
import { COMPLAINT_READER_ROLES } from '../../complaint-stream.ts';
import { ListComplaintsDto } from './list-complaints.dto.ts';
import { ListComplaintsQuery, type ComplaintListItem } from './list-complaints.query.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ListComplaintsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @AccessLogged()
  @Roles(...COMPLAINT_READER_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the list includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: '{ items, nextCursor }, what is due first' })
  async list(@Query() filters: ListComplaintsDto, @MinPosition() minPosition: bigint | undefined, @CurrentUser() caller: AuthenticatedUser): Promise<Page<ComplaintListItem>> {
    await awaitReadModels(this.projections, [complaintListProjection.name, restrictedCasesProjection.name, caseSubjectsProjection.name], minPosition);
    return this.queries.execute(new ListComplaintsQuery(filters, caller));
  }
}
