import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { referralListProjection } from '../../../../projections/referrals/referral-list.projection.ts';
import { caseTimelineProjection } from '../../../../projections/timeline/case-timeline.projection.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { GetReferralQuery } from './get-referral.query.ts';
import type { ReferralView } from './referral.view.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class GetReferralController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':id')
  @AccessLogged()
  @Roles('case_manager', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the page includes the write that returned this position; 202 + Retry-After if it does not in time' })
  @ApiOkResponse({ description: 'The victim journey; ETag carries its revision for If-Match' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReferralView> {
    await awaitReadModels(this.projections, [referralListProjection.name, caseTimelineProjection.name], minPosition);
    const referral = await this.queries.execute(new GetReferralQuery(id));
    if (!referral) throw new CaseNotFound(id);
    void reply.header('etag', `"${referral.revision}"`);
    return referral;
  }
}
