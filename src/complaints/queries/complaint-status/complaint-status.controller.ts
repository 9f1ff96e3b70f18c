import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { COMPLAINT_READER_ROLES } from '../../complaint-stream.ts';
import { ComplaintStatusQuery } from './complaint-status.query.ts';
import type { ComplainantStatusView } from './complainant-status.view.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintStatusController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':id/status')
  @AccessLogged()
  @Roles(...COMPLAINT_READER_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ description: 'What the complainant may see: reference, stage, last and next update, outcome and review rights; no internal notes, no officer identifiers' })
  async status(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined): Promise<ComplainantStatusView> {
    await awaitReadModels(this.projections, [complaintListProjection.name], minPosition);
    const status = await this.queries.execute(new ComplaintStatusQuery(id));
    if (!status) throw new CaseNotFound(id);
    return status;
  }
}
