import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { resolutionListProjection } from '../../../../projections/resolutions/resolution-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { reportPeriod } from '../../../http/report-period.ts';
import { ResolutionsReportDto } from './resolutions-report.dto.ts';
import { ResolutionsReportQuery, type ResolutionsReport } from './resolutions-report.query.ts';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ResolutionsReportController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('community-resolutions')
  @Roles('resolution_officer', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({
    description:
      'For the period asked, or the current quarter: resolutions by offence type and outcome, compliance rate, remedies by type and by victim choice, community work hours done, compensation agreed and paid (pence), share with the victim consulted, and the resolutions by the offender\'s gender, ethnicity, disability and age band at the offence (counts of 1 to 4 withheld)',
  })
  async report(@Query() asked: ResolutionsReportDto, @MinPosition() minPosition: bigint | undefined): Promise<ResolutionsReport> {
    const { from, to } = reportPeriod(asked, new Date());
    await awaitReadModels(this.projections, [resolutionListProjection.name], minPosition);
    return this.queries.execute(new ResolutionsReportQuery(from, to));
  }
}
