import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../src/auth/roles.ts';
import type { AuthenticatedUser } from '../../src/auth/token-verifier.ts';
import { NoDetailsDto } from '../../src/http/no-details.dto.ts';
import { ValidationFailed } from '../../src/http/problem.ts';
import { CurrentUser } from '../../src/http/request-context.ts';
import { DomainRuleViolation } from '../../src/shared/domain/errors.ts';
import type { ParkedEvent } from '../runner/parked-events.ts';
import { ParkedEventsQueryDto } from './parked-events.dto.ts';
import { ProjectionsService } from '../runner/projections.service.ts';
import type { ReplayOutcome } from '../runner/replay-parked-event.ts';

/** Events a projection could not apply and went past: listed for administrators and auditors, replayed by administrators. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections/:name/parked')
export class ParkedEventsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOkResponse({
    description: '{ projection, parked }: each parked event, oldest first: position, stream, revision, eventId, type, error (no personal data), attempts, parkedAt, lastAttemptAt, replayedAt, replayedBy',
  })
  @ApiNotFoundResponse({ description: 'No projection of that name' })
  async list(@Param('name') name: string, @Query() { include }: ParkedEventsQueryDto): Promise<{ projection: string; parked: ParkedEvent[] }> {
    return { projection: name, parked: await this.projections.parked(name, { replayed: include === 'replayed' }) };
  }

  @Post('replay')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: '{ projection, outcomes }: each parked event applied through the current code, oldest first; one that failed again stays parked with its new error' })
  @ApiNotFoundResponse({ description: 'No projection of that name' })
  async replayAll(@Param('name') name: string, @Body() _body: NoDetailsDto, @CurrentUser() caller: AuthenticatedUser): Promise<{ projection: string; outcomes: ReplayOutcome[] }> {
    return { projection: name, outcomes: await this.projections.replayAll(name, caller.sub) };
  }

  @Post(':position/replay')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: '{ position, replayed: true }: applied to its row as the row stands now; no longer parked, listed as replayed' })
  @ApiNotFoundResponse({ description: 'No projection of that name, or no event parked at that position' })
  @ApiConflictResponse({ description: 'parked-event-still-fails: the current code fails on it too; it stays parked with the new error' })
  async replay(@Param('name') name: string, @Param('position') position: string, @Body() _body: NoDetailsDto, @CurrentUser() caller: AuthenticatedUser): Promise<ReplayOutcome> {
    if (!/^\d{1,19}$/.test(position)) throw new ValidationFailed([{ field: 'position', message: 'position must be an event position (digits)' }]);
    const outcome = await this.projections.replay(name, BigInt(position), caller.sub);
    if (!outcome) throw new NotFoundException(`No event of ${name} is parked at position ${position}`);
    if (!outcome.replayed) throw new DomainRuleViolation('parked-event-still-fails', `The event at position ${position} still fails and stays parked: ${outcome.error}`);
    return outcome;
  }
}
