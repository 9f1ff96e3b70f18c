import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { reportPeriod } from '../../../http/report-period.ts';
import { COMPLAINT_READER_ROLES } from '../../complaint-stream.ts';
import { ComplaintsReportDto } from './complaints-report.dto.ts';
import { ComplaintsReportQuery, type ComplaintsReport } from './complaints-report.query.ts';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ComplaintsReportController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('complaints')
  @Roles(...COMPLAINT_READER_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ description: 'For the period asked, or the current quarter: IOPC-style figures for complaints received in the period: logged, recorded, handled outside Schedule 3, allegations by category, reasons for recording, working days to contact and to finalise, reviews by review body, and the complaints by the complainant\'s gender, ethnicity, disability and age band (counts of 1 to 4 withheld)' })
  async report(@Query() asked: ComplaintsReportDto, @MinPosition() minPosition: bigint | undefined): Promise<ComplaintsReport> {
    const { from, to } = reportPeriod(asked, new Date());
    await awaitReadModels(this.projections, [complaintListProjection.name], minPosition);
    return this.queries.execute(new ComplaintsReportQuery(from, to));
  }
}
