import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import type { RecordIopcReviewDecision } from '../../domain/complaint.commands.ts';
import { ComplaintCommands, utc } from '../change-complaint/complaint-commands.ts';
import { IopcReviewDecisionDto, LateReviewRequestDto, ReviewDecisionDto, ReviewRequestDto } from './review.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ReviewController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/review-request')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The application for review was received in time; the review body (IOPC or PCC) is decided from the case' })
  request(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ReviewRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'RequestReview', receivedAt: utc(body.receivedAt), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/late-review-request')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({
    description:
      'A supervisor accepts an application for review received after the 28 days, for the exceptional reason given; the review is then requested as usual. 409 review-request-in-time when the window was still open, outcome-not-notified, review-already-requested',
  })
  acceptLate(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: LateReviewRequestDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'AcceptLateReviewRequest' as const, receivedAt: utc(body.receivedAt), reason: body.reason, supervisor: context.actor.sub, metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }

  @Post(':id/review-decision')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The PCC decided the review (refused with review-body-is-iopc where the IOPC is the review body: see iopc-review-decision)' })
  decide(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ReviewDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'DecideReview' as const, upheld: body.upheld, recommendations: body.recommendations ?? null, at: effectiveTime(body), metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }

  @Post(':id/iopc-review-decision')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({
    description:
      "The IOPC's decision on a review it carried out, recorded by the CRT when received: the review is decided (status and report show it). 409 review-body-is-pcc where the PCC reviews, review-not-requested, review-already-decided, decision-before-review-request, received-in-future",
  })
  recordIopcDecision(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: IopcReviewDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, toRecordIopcReviewDecision(body, context), context, reply);
  }
}

function toRecordIopcReviewDecision(body: IopcReviewDecisionDto, context: CommandContext): RecordIopcReviewDecision {
  return { type: 'RecordIopcReviewDecision', upheld: body.upheld, recommendations: body.recommendations ?? null, receivedAt: utc(body.receivedAt), metadata: { now: context.now } };
}
