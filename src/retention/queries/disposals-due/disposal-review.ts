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
import { disposalDueOn, lastClosedDayDueBy } from '../../domain/disposal-due.ts';
import { legalHoldDecider } from '../../domain/legal-hold.decide.ts';
import { legalHoldStream, type LegalHoldEvent } from '../../domain/legal-hold.events.ts';
import { heldCases } from '../legal-holds/held-cases.ts';
import { closedCasesSql, type ClosedCase } from './closed-cases.ts';

/** The read models whose rows say which cases closed, when and why, and which were disposed of. */
const READ_FROM = [referralListProjection, resolutionListProjection, complaintListProjection, disposalCertificatesProjection].map((projection) => projection.name);

export interface DueCasesWanted {
  limit: number;
  /** The page goes on after this closure and case id (a previous page's last). */
  after?: readonly [closedAt: string, caseId: string];
  /** Only these cases. */
  caseIds?: readonly string[];
  minPosition?: bigint;
}

export interface DueCases {
  items: DueCase[];
  /** Other cases are due after the last of these. */
  more: boolean;
}

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

  /** Oldest closure first, a page at a time; not yet disposed of. */
  async due(asOf: CalendarDate, wanted: DueCasesWanted): Promise<DueCases> {
    await awaitReadModels(this.projections, READ_FROM, wanted.minPosition);
    const settings = await this.settings.current();
    const rules = settings.retentionPeriods.map(({ caseKind, closureReason, months }) => ({ caseKind, closureReason, lastClosedOn: lastClosedDayDueBy(asOf, months) }));
    const held = (await heldCases(this.store, this.catalog)).map((hold) => hold.caseId);
    // One more than the page: whether others follow.
    const { sql, values } = closedCasesSql({ rules, held, caseIds: wanted.caseIds, after: wanted.after, limit: wanted.limit + 1 });
    const closed: ClosedCase[] = await this.database.query(sql, values);
    const items = closed.slice(0, wanted.limit).map(({ caseKind, caseId, closedAt, closureReason }): DueCase => {
      const rule = settings.retentionPeriod(caseKind, closureReason);
      return { caseKind, caseId, closedAt: closedAt.toISOString(), closureReason, dueOn: disposalDueOn(londonDate(closedAt), rule.months), rule };
    });
    return { items, more: closed.length > wanted.limit };
  }

  async isHeld(caseId: string): Promise<boolean> {
    const events = await this.store.readStream(legalHoldStream(caseId));
    return fold(legalHoldDecider, events.map((event) => this.catalog.toDomain<LegalHoldEvent>(event))).status === 'held';
  }
}
