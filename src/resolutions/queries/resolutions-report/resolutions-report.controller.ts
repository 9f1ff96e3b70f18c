import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { reportPeriod } from '../../../http/report-period.ts';
import { ResolutionsReportDto } from './resolutions-report.dto.ts';
import { ResolutionsReportQuery, type ResolutionsReport } from './resolutions-report.query.ts';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ResolutionsReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('community-resolutions')
  @Roles('resolution_officer', 'supervisor', 'auditor')
  @ApiOkResponse({
    description:
      'For the period asked, or the current quarter: resolutions by offence type and outcome, compliance rate, remedies by type and by victim choice, community work hours done, compensation agreed and paid (pence), share with the victim consulted, and the resolutions by the offender\'s gender, ethnicity, disability and age band at the offence (counts of 1 to 4 withheld)',
  })
  report(@Query() asked: ResolutionsReportDto): Promise<ResolutionsReport> {
    const { from, to } = reportPeriod(asked, new Date());
    return this.queries.execute(new ResolutionsReportQuery(from, to));
  }
}
