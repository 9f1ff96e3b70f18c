import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { CaseTimeline } from '../../../../projections/timeline/case-timeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { complaintStream } from '../../complaint-stream.ts';
import { GetComplaintQuery } from './get-complaint.query.ts';
import { toComplaintView, type ComplaintView } from './complaint.view.ts';

/** From the read models only: the complaint folded by the projector, and its timeline. */
@QueryHandler(GetComplaintQuery)
export class GetComplaintHandler implements IQueryHandler<GetComplaintQuery> {
  constructor(
    @InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>,
    private readonly timeline: CaseTimeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ complaintId }: GetComplaintQuery): Promise<ComplaintView | undefined> {
    const found = await this.timeline.caseWithEntries<ComplaintListEntry['state']>(this.complaints.metadata.tableName, complaintId, complaintStream(complaintId));
    if (!found) return undefined;
    return toComplaintView(found.state, found.revision, found.timeline, await this.settings.current(), new Date());
  }
}
