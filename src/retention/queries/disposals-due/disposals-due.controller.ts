import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { referralListProjection } from '../../../../projections/referrals/referral-list.projection.ts';
import { resolutionListProjection } from '../../../../projections/resolutions/resolution-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import type { RetentionPeriod } from '../../../settings/domain/retention.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { fold } from '../../../shared/domain/decider.ts';
import { disposalDueOn } from '../../domain/disposal-due.ts';
import { legalHoldDecider } from '../../domain/legal-hold.decide.ts';
import { legalHoldStream, type LegalHoldEvent } from '../../domain/legal-hold.events.ts';
import { CLOSED_CASES_SQL, type ClosedCase } from './closed-cases.ts';
import { DisposalsDueDto } from './disposals-due.dto.ts';

/** The read models whose rows say which cases closed, when and why. */
const CLOSURES_READ_FROM = [referralListProjection, resolutionListProjection, complaintListProjection].map((projection) => projection.name);

export type DisposalDue = ClosedCase & { dueOn: string; rule: RetentionPeriod };

/** The dry run of disposal: the closed cases whose retention period has run by a London day and that no legal hold keeps, with the rule for each. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('admin/disposals')
export class DisposalsDueController {
  constructor(
    private readonly database: DataSource,
    private readonly settings: SettingsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('due')
  @Roles('admin', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the answer includes the write that returned this position' })
  @ApiOkResponse({
    description: 'Case ids, kinds and closure only (no personal data), oldest closure first',
    schema: {
      example: {
        asOf: '2026-12-04',
        items: [{ caseKind: 'referral', caseId: '0b6f3c1e-3d2a-4c5b-9a8e-1f2d3c4b5a69', closedAt: '2020-11-30T10:00:00.000Z', closureReason: 'support-completed', dueOn: '2026-11-30', rule: { caseKind: 'referral', closureReason: null, months: 72 } }],
      },
    },
  })
  async due(@Query() { asOf }: DisposalsDueDto, @MinPosition() minPosition: bigint | undefined): Promise<{ asOf: string; items: DisposalDue[] }> {
    await awaitReadModels(this.projections, CLOSURES_READ_FROM, minPosition);
    const settings = await this.settings.current();
    const closed: ClosedCase[] = await this.database.query(CLOSED_CASES_SQL, [asOf]);
    const due = closed
      .map((entry) => {
        const rule = settings.retentionPeriod(entry.caseKind, entry.closureReason);
        return { ...entry, dueOn: disposalDueOn(londonDate(entry.closedAt), rule.months), rule };
      })
      .filter((entry) => entry.dueOn <= asOf);
    const held = await Promise.all(due.map((entry) => this.isHeld(entry.caseId)));
    return { asOf, items: due.filter((_entry, index) => !held[index]) };
  }

  private async isHeld(caseId: string): Promise<boolean> {
    const events = await this.store.readStream(legalHoldStream(caseId));
    return fold(legalHoldDecider, events.map((event) => this.catalog.toDomain<LegalHoldEvent>(event))).status === 'held';
  }
}
