import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReferralListEntry } from '../../../../projections/referrals/referral-list.entity.ts';
import { CaseTimeline } from '../../../../projections/timeline/case-timeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { referralStream } from '../../referral-stream.ts';
import { GetReferralQuery } from './get-referral.query.ts';
import { toReferralView, type ReferralView } from './referral.view.ts';

/** From the read models only: the journey folded by the projector, and its timeline. */
@QueryHandler(GetReferralQuery)
export class GetReferralHandler implements IQueryHandler<GetReferralQuery> {
  constructor(
    @InjectRepository(ReferralListEntry) private readonly referrals: Repository<ReferralListEntry>,
    private readonly timeline: CaseTimeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ referralId }: GetReferralQuery): Promise<ReferralView | undefined> {
    const row = await this.referrals.createQueryBuilder('r').addSelect('r.state').where('r.id = :referralId', { referralId }).getOne();
    if (!row) return undefined;
    const timeline = await this.timeline.entriesOf(referralStream(referralId));
    return toReferralView(row.state, row.revision, timeline, await this.settings.current(), new Date());
  }
}
