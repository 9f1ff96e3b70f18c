import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { complaintsReport } from './complaints-report.ts';
import { ComplaintsReportQuery, type ComplaintsReport } from './complaints-report.query.ts';

/** From the complaint-list read model; working days need the calendar, so the figures are summed here. */
@QueryHandler(ComplaintsReportQuery)
export class ComplaintsReportHandler implements IQueryHandler<ComplaintsReportQuery> {
  constructor(
    @InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>,
    private readonly settings: SettingsService,
  ) {}

  async execute({ from, to }: ComplaintsReportQuery): Promise<ComplaintsReport> {
    const rows = await this.complaints
      .createQueryBuilder('c')
      .select('c.state', 'state')
      .where(`(c.received_at AT TIME ZONE 'Europe/London')::date BETWEEN :from::date AND :to::date`, { from, to })
      .getRawMany<{ state: ComplaintListEntry['state'] }>();
    const settings = await this.settings.current();
    return complaintsReport(
      rows.map((row) => row.state),
      { from, to },
      settings.calendar,
      (category) => settings.labelOf('complaintCategories', category),
    );
  }
}
