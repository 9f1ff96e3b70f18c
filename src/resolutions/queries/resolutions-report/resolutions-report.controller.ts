import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { ValidationFailed } from '../../../http/problem.ts';
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
      'Resolutions by offence type and outcome, compliance rate, remedies by type and by victim choice, community work hours done, compensation agreed and paid (pence), share with the victim consulted',
  })
  report(@Query() { from, to }: ResolutionsReportDto): Promise<ResolutionsReport> {
    if (from > to) throw new ValidationFailed([{ field: 'to', message: 'to must not be before from' }]);
    return this.queries.execute(new ResolutionsReportQuery(from, to));
  }
}
