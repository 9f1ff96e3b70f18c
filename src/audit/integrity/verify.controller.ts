import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Roles } from '../../auth/roles.ts';
import { CaseNotFound } from '../../command-pipeline/command-pipeline.errors.ts';
import { STORED_EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import { IntegrityCheckpoints } from '../../event-store/integrity/integrity-checkpoints.ts';
import { verifyIntegrity, type IntegrityReport } from '../../event-store/integrity/verify-integrity.ts';
import { CaseHistories } from '../history/case-history.ts';

export class VerifyQueryDto {
  @ApiPropertyOptional({ description: "Only this case's history; the whole log otherwise" })
  @IsOptional()
  @IsUUID()
  case?: string;
}

/** Recomputes the hash chains of stored history and names the first event that does not match. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verify')
export class VerifyController {
  constructor(
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    private readonly histories: CaseHistories,
    private readonly checkpoints: IntegrityCheckpoints,
  ) {}

  @Get()
  @Roles('auditor')
  @ApiOkResponse({ description: '{ ok, eventsChecked, streamsChecked, unchained, checkpointsVerified, firstBreak }: the first event or signed checkpoint that does not match' })
  async verify(@Query() { case: caseId }: VerifyQueryDto): Promise<IntegrityReport> {
    if (!caseId) return verifyIntegrity(this.store, { checkpoints: this.checkpoints });
    const stream = await this.histories.streamOf(caseId);
    if (!stream) throw new CaseNotFound(caseId);
    return verifyIntegrity(this.store, { stream });
  }
}
