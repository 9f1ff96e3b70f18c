import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import { NeedToKnow } from '../../../case-access/need-to-know.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CommandPipeline } from '../../../command-pipeline/command-pipeline.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SubjectKeys } from '../../../personal-data/subject-keys.ts';
import { personLinkDecider, type PersonLinkCommand } from '../../domain/person-link.decide.ts';
import { personLinkStream } from '../../domain/person-link.events.ts';
import { PeopleIndex } from '../../people-index.ts';
import { LinkReasonDto, LinkSubjectDto } from './link-person.dto.ts';

type Linked = CommandResponse & { personId: string };

/** Case workers say which person a case's data subject is: a new one, or one already known. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
@Roles('case_manager', 'crt_officer', 'resolution_officer', 'supervisor')
export class LinkPersonController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly keys: SubjectKeys,
    private readonly people: PeopleIndex,
    private readonly needToKnow: NeedToKnow,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'A new person, whose first record is this data subject; `personId` names them' })
  async confirmNew(
    @Body() { subjectId, reason }: LinkSubjectDto,
    @CommandCtx() context: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Linked> {
    const personId = context.ids.caseId();
    return this.run({ type: 'Link', subjectId, personId, newPerson: true, reason, metadata: { now: context.now } }, context, request, reply);
  }

  @Post(':personId/subjects')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The data subject is now known as this person' })
  async link(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Body() { subjectId, reason }: LinkSubjectDto,
    @CommandCtx() context: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Linked> {
    return this.run({ type: 'Link', subjectId, personId, newPerson: false, reason, metadata: { now: context.now } }, context, request, reply);
  }

  @Post(':personId/subjects/:subjectId/unlink')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The data subject is no longer taken for this person' })
  async unlink(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Body() { reason }: LinkReasonDto,
    @CommandCtx() context: CommandContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Linked> {
    return this.run({ type: 'Unlink', subjectId, personId, reason, metadata: { now: context.now } }, context, request, reply);
  }

  private async run(command: PersonLinkCommand, context: CommandContext, request: FastifyRequest, reply: FastifyReply): Promise<Linked> {
    const { subjectId } = command;
    await this.people.caughtUp();
    if (command.type === 'Link' && !command.newPerson && !(await this.people.personExists(command.personId))) throw new NotFoundException('No such person');
    // A restricted case's data subject is answered for as one of no case, to anyone not named on it. The index
    // holds the people matched on; the cases whose free text a subject shares (data_subject_cases) hold the others.
    const cases = [...new Set([...(await this.people.casesOfSubject(subjectId)), ...(await this.keys.cases.casesOf(subjectId))])];
    const found = (await this.keys.keysFor([subjectId], false)).size > 0 && (await this.needToKnow.workableFor(request, cases)).length === cases.length;
    if (!found) throw new NotFoundException('No case has this data subject');
    const outcome = await this.pipeline.run({ stream: personLinkStream(subjectId), caseId: subjectId, decider: personLinkDecider, command, context, createsCase: command.type === 'Link' });
    return { ...commandResponse(reply, outcome), personId: command.personId };
  }
}
