import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../auth/roles.ts';
import { NeedToKnow } from '../../case-access/need-to-know.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../http/command-response.ts';
import { ValidationFailed } from '../../http/problem.ts';
import { CommandCtx } from '../../http/request-context.ts';
import { SubjectKeys } from '../subject-keys.ts';
import type { DataSubjectCommand } from './data-subject.decide.ts';
import { DataSubjectDecisions, type ReadModelsFollowed } from './data-subject-decisions.ts';
import { GROUNDS_OF, type DecisionGrounds } from './data-subject-grounds.ts';
import { DataSubjectDecisionDto } from './data-subjects.dto.ts';

export const DECISIONS = { erase: 'Erase', restrict: 'Restrict', 'lift-restriction': 'LiftRestriction' } as const satisfies Record<string, DataSubjectCommand['type']>;
type Decision = keyof typeof DECISIONS;
type Outcome = CommandResponse & ReadModelsFollowed;

/** The decision a route names; own keys only: `in` would find `constructor` or `toString` on the object's prototype. */
export function decisionNamed(decision: string): DataSubjectCommand['type'] {
  if (!Object.hasOwn(DECISIONS, decision)) throw new NotFoundException(`No such decision: ${Object.keys(DECISIONS).join(', ')}`);
  return DECISIONS[decision as Decision];
}

/** The body as the decision's grounds: the ground must be one of that decision's (400 listing them, else). */
export function groundsOf(type: DataSubjectCommand['type'], decision: string, { ground, requestReference }: DataSubjectDecisionDto): DecisionGrounds {
  const allowed: readonly string[] = GROUNDS_OF[type];
  if (!allowed.includes(ground)) throw new ValidationFailed([{ field: 'ground', message: `ground must be one of the grounds of ${decision}: ${allowed.join(', ')}` }]);
  return { ground, requestReference };
}

/** A read model still behind after the wait answers 202. */
export function withReadModelStatus<Body extends ReadModelsFollowed>(reply: FastifyReply, body: Body): Body {
  if (body.readModelsBehind.length > 0) void reply.status(202);
  return body;
}

/**
 * Erasure by crypto-shredding, and restriction, of one data subject (a victim, complainant, offender,
 * officer...) and with them of their cases' free text (DataSubjectDecisions).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/data-subjects')
export class DataSubjectsController {
  constructor(
    private readonly decisions: DataSubjectDecisions,
    private readonly keys: SubjectKeys,
    private readonly needToKnow: NeedToKnow,
  ) {}

  @Post(':subjectId/:decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({
    name: 'decision',
    enum: Object.keys(DECISIONS),
    description: '`erase` destroys the key; `restrict` keeps the data but shows it to auditors only; `lift-restriction` ends that',
  })
  @ApiOkResponse({ description: 'Recorded, and every read model that copies personal data has followed it (202 while one is still behind: `readModelsBehind`)' })
  async decide(
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Param('decision') decision: string,
    @Body() body: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    const type = decisionNamed(decision);
    const grounds = groundsOf(type, decision, body);
    // A restricted case's data subject (or the case's own, its free text) is answered for as one of no data, to anyone not named on it.
    const cases = [subjectId, ...(await this.keys.cases.casesOf(subjectId))];
    const named = (await this.needToKnow.workableFor(request, cases)).length === cases.length;
    if (!named || !(await this.decisions.holdsDataOf(subjectId))) throw new NotFoundException('No personal data is held for this data subject');
    const outcome = await this.decisions.decide(subjectId, type, grounds, context);
    return withReadModelStatus(reply, { ...commandResponse(reply, outcome), ...(await this.decisions.readModelsFollowing(outcome.position)) });
  }
}
