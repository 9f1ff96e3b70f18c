import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { BeaconReportDto } from './beacon-report.dto.ts';
import { BeaconReportQuery, type BeaconReport } from './beacon-report.query.ts';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class BeaconReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('beacon')
  @Roles('case_manager', 'supervisor', 'auditor')
  @ApiOkResponse({ description: 'Referrals by source and crime type, priority-group share, support acceptance and decline reasons, overdue contacts, closures' })
  report(@Query() { from, to }: BeaconReportDto): Promise<BeaconReport> {
    if (from > to) throw new ValidationFailed([{ field: 'to', message: 'to must not be before from' }]);
    return this.queries.execute(new BeaconReportQuery(from, to));
  }
}
