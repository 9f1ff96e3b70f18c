import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { onCalendar } from '../../domain/deadlines.ts';
import { ComplaintStatusQuery } from './complaint-status.query.ts';
import { toComplainantStatus, type ComplainantStatusView } from './complainant-status.view.ts';

@QueryHandler(ComplaintStatusQuery)
export class ComplaintStatusHandler implements IQueryHandler<ComplaintStatusQuery> {
  constructor(
    @InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>,
    private readonly settings: SettingsService,
  ) {}

  async execute({ complaintId }: ComplaintStatusQuery): Promise<ComplainantStatusView | undefined> {
    const row = await this.complaints.createQueryBuilder('c').addSelect('c.state').where('c.id = :complaintId', { complaintId }).getOne();
    return row ? toComplainantStatus(onCalendar(row.state, (await this.settings.current()).calendar), new Date()) : undefined;
  }
}
