import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import { NeedToKnow } from '../../../case-access/need-to-know.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { idsDerivedFrom, randomIds } from '../../../command-pipeline/id-source.ts';
import { DataSubjectDecisions, type ReadModelsFollowed } from '../../../personal-data/data-subjects/data-subject-decisions.ts';
import { decisionNamed, DECISIONS, groundsOf, withReadModelStatus } from '../../../personal-data/data-subjects/data-subjects.controller.ts';
import { DataSubjectDecisionDto } from '../../../personal-data/data-subjects/data-subjects.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { DomainRuleViolation } from '../../../shared/domain/errors.ts';
import { PeopleIndex } from '../../people-index.ts';

type Outcome = ReadModelsFollowed & { personId: string; subjects: { subjectId: string; revision: number; position: string }[]; restrictedCasesWithheld: number };

/** One decision about a person's data applied to every record of them, in every case. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/people')
export class DecidePersonController {
  constructor(
    private readonly people: PeopleIndex,
    private readonly decisions: DataSubjectDecisions,
    private readonly needToKnow: NeedToKnow,
  ) {}

  @Post(':personId/:decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({ name: 'decision', enum: Object.keys(DECISIONS), description: "As for one data subject (`admin/data-subjects/{subjectId}/{decision}`), for each of the person's records" })
  @ApiOkResponse({
    description:
      "Recorded for each record of the person not already so (409 naming the rule when none was), and the read models have followed them (202 while one is still behind). " +
      '`restrictedCasesWithheld` counts the restricted cases the caller is not named on: their records are left as they are, for someone named on them; a person all of whose cases are withheld is a 404',
    schema: { example: { personId: '9d2f0c4b-0000-4000-8000-000000000002', subjects: [{ subjectId: '6f1c1d2e-0000-4000-8000-000000000001', revision: 0, position: '4398046511104' }], restrictedCasesWithheld: 0, readModelsUpdated: ['referral-list'], readModelsBehind: [] } },
  })
  async decide(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('decision') decision: string,
    @Body() body: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    const type = decisionNamed(decision);
    const grounds = groundsOf(type, decision, body);
    // Every record linked so far, not only those the read model has reached.
    await this.people.caughtUp();
    const appearances = await this.people.ofPeople([personId]);
    const caseIds = [...new Set(appearances.map((appearance) => appearance.caseId))];
    const workable = await this.needToKnow.workableFor(request, caseIds);
    const subjectIds = [...new Set(appearances.filter((appearance) => workable.includes(appearance.caseId)).map((appearance) => appearance.subjectId))];
    // Someone whose every case is withheld is not revealed to exist.
    if (subjectIds.length === 0) throw new NotFoundException('No such person');
    const subjects: Outcome['subjects'] = [];
    let last = 0n;
    const refused: DomainRuleViolation[] = [];
    for (const subjectId of subjectIds) {
      // One command per record: under an Idempotency-Key each gets ids of its own, the same on a retry.
      const ids = context.ids.repeatable ? idsDerivedFrom(`${context.ids.partId()}/${subjectId}`) : randomIds;
      try {
        const { revision, position } = await this.decisions.decide(subjectId, type, grounds, { ...context, ids });
        subjects.push({ subjectId, revision, position: position.toString() });
        if (position > last) last = position;
      } catch (error) {
        // A record already erased (or so restricted) is left as it is; the others still get the decision.
        if (!(error instanceof DomainRuleViolation)) throw error;
        refused.push(error);
      }
    }
    if (subjects.length === 0) throw refused[0]!;
    return withReadModelStatus(reply, { personId, subjects, restrictedCasesWithheld: caseIds.length - workable.length, ...(await this.decisions.readModelsFollowing(last)) });
  }
}
