import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { MinPosition } from '../../../http/min-position.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { DataSubjectDecisions, type ReadModelsFollowed } from '../../../personal-data/data-subjects/data-subject-decisions.ts';
import { withReadModelStatus } from '../../../personal-data/data-subjects/data-subjects.controller.ts';
import type { DueCase } from '../../domain/disposal.decide.ts';
import { DisposalReview } from '../../queries/disposals-due/disposal-review.ts';
import { DUE_EXAMPLE } from '../../queries/disposals-due/disposals-due.controller.ts';
import { DisposeCasesCommand, type Disposed } from './dispose-cases.command.ts';
import { DisposeCasesDto, MAX_DISPOSED } from './dispose-cases.dto.ts';

type DryRun = { dryRun: true; asOf: string; items: DueCase[]; more: boolean };

/**
 * The nightly disposal under the retention schedule (an erasure, so `admin`'s, like the data-subject routes):
 * a dry run lists what would go, otherwise every case due goes, erased and certified.
 */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('admin/disposals')
export class DisposeCasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly review: DisposalReview,
    private readonly decisions: DataSubjectDecisions,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Review the cases as they stand after the write that returned this position' })
  @ApiOkResponse({
    description:
      'A dry run: the review list (as `GET /api/admin/disposals/due`). Otherwise the cases disposed of, each with its certificate\'s position, and those a legal hold placed during the disposal kept (`kept`, nothing of them erased), once every read model that copies personal data has followed (202 while one is still behind: `readModelsBehind`)',
    examples: {
      dryRun: { summary: 'A dry run', value: { dryRun: true, asOf: '2026-12-04', items: [DUE_EXAMPLE], more: false } },
      disposal: { summary: 'A disposal', value: { asOf: '2026-12-04', disposed: [{ caseId: DUE_EXAMPLE.caseId, caseKind: 'referral', position: '48213' }], kept: [{ caseId: '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', caseKind: 'complaint', rule: 'legal-hold' }], position: '48213', more: false, readModelsUpdated: ['referral-list'], readModelsBehind: [] } },
    },
  })
  @ApiNotFoundResponse({ description: 'A case named does not exist' })
  @ApiConflictResponse({ description: 'A case named is not due (`rule: not-due`), under a legal hold (`legal-hold`) or already disposed of (`already-disposed`): nothing is erased' })
  async dispose(
    @Body() body: DisposeCasesDto,
    @CommandCtx() context: CommandContext,
    @MinPosition() minPosition: bigint | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DryRun | (Disposed & ReadModelsFollowed)> {
    const today = londonDate(context.now);
    const asOf = body.asOf ?? today;
    // Named cases are all reviewed (each must be due); otherwise the oldest up to the limit.
    const chosen = { caseIds: body.caseIds, limit: body.caseIds?.length ?? body.limit ?? MAX_DISPOSED };
    if (body.dryRun) return { dryRun: true, asOf, ...(await this.review.due(asOf, { ...chosen, minPosition })) };
    if (asOf > today) throw new ValidationFailed([{ field: 'asOf', message: 'asOf must not be after today: a case is disposed of once its period has run' }]);
    const disposed = await this.commands.execute(new DisposeCasesCommand(asOf, chosen, context, minPosition));
    const followed = disposed.position === null ? { readModelsUpdated: [], readModelsBehind: [] } : await this.decisions.readModelsFollowing(BigInt(disposed.position));
    return withReadModelStatus(reply, { ...disposed, ...followed });
  }
}
