import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { resolutionListProjection } from '../../../../projections/resolutions/resolution-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { caseTimelineProjection } from '../../../../projections/timeline/case-timeline.projection.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { GetResolutionQuery } from './get-resolution.query.ts';
import type { ResolutionView } from './resolution.view.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class GetResolutionController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':id')
  @AccessLogged()
  @Roles('resolution_officer', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the page includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: 'The resolution with its remedies (due dates, overdue flags), victims (informed or not) and timeline; ETag carries its revision for If-Match' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResolutionView> {
    await awaitReadModels(this.projections, [resolutionListProjection.name, caseTimelineProjection.name], minPosition);
    const resolution = await this.queries.execute(new GetResolutionQuery(id));
    if (!resolution) throw new CaseNotFound(id);
    void reply.header('etag', `"${resolution.revision}"`);
    return resolution;
  }
}
