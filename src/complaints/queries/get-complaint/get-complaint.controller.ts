import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { caseTimelineProjection } from '../../../../projections/timeline/case-timeline.projection.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { COMPLAINT_READER_ROLES } from '../../complaint-stream.ts';
import type { ComplaintView } from './complaint.view.ts';
import { GetComplaintQuery } from './get-complaint.query.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class GetComplaintController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':id')
  @AccessLogged()
  @Roles(...COMPLAINT_READER_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the page includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: 'The complaint with every due date and overdue flag, and its timeline; ETag carries its revision for If-Match' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ComplaintView> {
    await awaitReadModels(this.projections, [complaintListProjection.name, caseTimelineProjection.name], minPosition);
    const complaint = await this.queries.execute(new GetComplaintQuery(id));
    if (!complaint) throw new CaseNotFound(id);
    void reply.header('etag', `"${complaint.revision}"`);
    return complaint;
  }
}
