import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { fold } from '../../../shared/domain/decider.ts';
import { referralDecider } from '../../domain/referral.decide.ts';
import type { ReferralEvent } from '../../domain/referral.events.ts';
import { referralStream } from '../../referral-stream.ts';
import { GetReferralQuery } from './get-referral.query.ts';
import { toReferralView, type ReferralView } from './referral.view.ts';

/** Folds the case from its own stream, so the answer is current to the last append. */
@QueryHandler(GetReferralQuery)
export class GetReferralHandler implements IQueryHandler<GetReferralQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    private readonly settings: SettingsService,
  ) {}

  async execute({ referralId }: GetReferralQuery): Promise<ReferralView | undefined> {
    const history = await this.store.readStream(referralStream(referralId));
    const referral = fold(referralDecider, history.map((event) => this.catalog.toDomain<ReferralEvent>(event)));
    if (referral.status === 'none') return undefined;
    return toReferralView(referral, history, await this.settings.current(), new Date());
  }
}
