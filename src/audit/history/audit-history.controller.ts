import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.ts';
import { CaseNotFound } from '../../command-pipeline/command-pipeline.errors.ts';
import { CaseIdPipe } from '../../http/case-id.pipe.ts';
import { asOfBound } from '../../http/instant.ts';
import { ValidationFailed } from '../../http/problem.ts';
import { AccessLogged } from '../access-log/access-logged.decorator.ts';
import { CaseEventsDto, CaseStateDto } from './audit-history.dto.ts';
import { CaseHistories, type ReplayPoint } from './case-history.ts';
import { toAuditedEvent, type AuditedEvent } from './audited-event.ts';

/** Replay and time travel for auditors, from the event store itself. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/cases')
export class AuditHistoryController {
  constructor(private readonly histories: CaseHistories) {}

  @Get(':id/events')
  @Roles('auditor')
  @AccessLogged()
  @ApiOkResponse({ description: "{ kind, items, nextAfter }: the case's events in order, with metadata and data; nextAfter pages on" })
  async events(@Param('id', CaseIdPipe) id: string, @Query() { after = -1, limit = 200 }: CaseEventsDto): Promise<{ kind: string; items: AuditedEvent[]; nextAfter: number | null }> {
    const history = await this.histories.historyOf(id);
    if (!history) throw new CaseNotFound(id);
    const page = history.events.filter((event) => event.revision > after).slice(0, limit);
    const more = page.length > 0 && page.at(-1)!.revision < history.events.at(-1)!.revision;
    return { kind: history.caseKind.kind, items: page.map(toAuditedEvent), nextAfter: more ? page.at(-1)!.revision : null };
  }

  @Get(':id/state')
  @Roles('auditor')
  @AccessLogged()
  @ApiOkResponse({ description: '{ kind, revision, state }: the case as it stood at asOf or after revision (now without either), in the shape of its GET' })
  @ApiNotFoundResponse({ description: 'No such case, the case did not exist yet at asOf, or revision is past its last revision (the detail names the last)' })
  async state(@Param('id', CaseIdPipe) id: string, @Query() { asOf, revision }: CaseStateDto): Promise<{ kind: string; revision: number; state: object }> {
    if (asOf !== undefined && revision !== undefined) throw new ValidationFailed([{ field: 'asOf', message: 'give asOf or revision, not both' }]);
    const history = await this.histories.historyOf(id);
    if (!history) throw new CaseNotFound(id);
    const lastRevision = history.events.at(-1)!.revision;
    if (revision !== undefined && revision > lastRevision) throw new NotFoundException(`The case has no revision ${revision}: its last revision is ${lastRevision}`);
    const point: ReplayPoint = asOf !== undefined ? { asOf: asOfBound(asOf) } : revision !== undefined ? { revision } : 'now';
    const replayed = await this.histories.stateAt(history, point);
    if (!replayed) throw new NotFoundException(`The case did not exist yet at that point`);
    return { kind: history.caseKind.kind, revision: replayed.revision, state: replayed.view };
  }
}
