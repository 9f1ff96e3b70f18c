import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { referralListProjection } from '../../../../projections/referrals/referral-list.projection.ts';
import { resolutionListProjection } from '../../../../projections/resolutions/resolution-list.projection.ts';
import { disposalCertificatesProjection } from '../../../../projections/retention/disposal-certificates.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { londonDate, type CalendarDate } from '../../../calendar/working-days.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { awaitReadModels } from '../../../http/min-position.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { fold } from '../../../shared/domain/decider.ts';
import type { DueCase } from '../../domain/disposal.decide.ts';
import { disposalDueOn } from '../../domain/disposal-due.ts';
import { legalHoldDecider } from '../../domain/legal-hold.decide.ts';
import { legalHoldStream, type LegalHoldEvent } from '../../domain/legal-hold.events.ts';
import { CLOSED_CASES_SQL, type ClosedCase } from './closed-cases.ts';

/** The read models whose rows say which cases closed, when and why, and which were disposed of. */
const READ_FROM = [referralListProjection, resolutionListProjection, complaintListProjection, disposalCertificatesProjection].map((projection) => projection.name);

/** Which closed cases are due for disposal by a London day: their retention period has run and no legal hold keeps them. */
@Injectable()
export class DisposalReview {
  constructor(
    private readonly database: DataSource,
    private readonly settings: SettingsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    private readonly projections: ProjectionsService,
  ) {}

  /** Oldest closure first; not yet disposed of. */
  async due(asOf: CalendarDate, minPosition?: bigint): Promise<DueCase[]> {
    await awaitReadModels(this.projections, READ_FROM, minPosition);
    const settings = await this.settings.current();
    const closed: ClosedCase[] = await this.database.query(CLOSED_CASES_SQL, [asOf]);
    const due = closed
      .map((entry) => {
        const rule = settings.retentionPeriod(entry.caseKind, entry.closureReason);
        return { ...entry, dueOn: disposalDueOn(londonDate(entry.closedAt), rule.months), rule };
      })
      .filter((entry) => entry.dueOn <= asOf);
    const held = await Promise.all(due.map((entry) => this.isHeld(entry.caseId)));
    return due.filter((_entry, index) => !held[index]);
  }

  async isHeld(caseId: string): Promise<boolean> {
    const events = await this.store.readStream(legalHoldStream(caseId));
    return fold(legalHoldDecider, events.map((event) => this.catalog.toDomain<LegalHoldEvent>(event))).status === 'held';
  }
}
