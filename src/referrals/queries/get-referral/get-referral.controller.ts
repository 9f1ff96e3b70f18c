import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { GetReferralQuery } from './get-referral.query.ts';
import type { ReferralView } from './referral.view.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class GetReferralController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('case_manager', 'supervisor', 'auditor')
  @ApiOkResponse({ description: 'The victim journey; ETag carries its revision for If-Match' })
  async get(@Param('id', CaseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReferralView> {
    const referral = await this.queries.execute(new GetReferralQuery(id));
    if (!referral) throw new CaseNotFound(id);
    void reply.header('etag', `"${referral.revision}"`);
    return referral;
  }
}
