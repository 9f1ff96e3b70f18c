import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Roles } from '../../../auth/roles.ts';
import { casesVisibleTo } from '../../../case-access/visible-cases.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { CommandCtx, CurrentUser } from '../../../http/request-context.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { DIP_SAMPLE_ROLES } from '../../domain/dip-sample.ts';
import { DrawDipSampleCommand } from './dip-sample.command.ts';
import { DipSampleDto } from './dip-sample.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class DipSampleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly database: DataSource,
  ) {}

  @Post('dip-sample')
  @HttpCode(201)
  @Roles(...DIP_SAMPLE_ROLES)
  @ApiCreatedResponse({
    description:
      'A reproducible random selection of complaint files received in the range, drawn from the complaint list once it holds every event the store had when the draw began (readAtPosition), recorded as an event; Location names it. 202 with Retry-After when the list has not caught up in time (nothing drawn).',
  })
  async draw(
    @Body() body: DipSampleDto,
    @CommandCtx() context: CommandContext,
    @CurrentUser() caller: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { seed: string; from: string; to: string; populationSize: number; complaints: { id: string; reference: string }[]; readAtPosition: string }> {
    if (body.from > body.to) throw new ValidationFailed([{ field: 'to', message: 'to must not be before from' }]);
    const outcome = await this.commands.execute(new DrawDipSampleCommand(body, context));
    const { seed, from, to } = body;
    const { populationSize, complaints, readAtPosition } = outcome;
    // The draw keeps every file it chose; restricted ones are not shown to whoever is not named on them.
    const visible = new Set(await casesVisibleTo(this.database, complaints.map(({ id }) => id), caller));
    return { ...commandResponse(reply, outcome, `/api/complaints/dip-samples/${outcome.id}`), seed, from, to, populationSize, complaints: complaints.filter(({ id }) => visible.has(id)), readAtPosition };
  }
}
