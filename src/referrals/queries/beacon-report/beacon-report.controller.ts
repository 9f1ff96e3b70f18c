import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { cjUpdatesProjection } from '../../../../projections/referrals/cj-updates.projection.ts';
import { referralListProjection } from '../../../../projections/referrals/referral-list.projection.ts';
import { Roles } from '../../../auth/roles.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { reportPeriod } from '../../../http/report-period.ts';
import { BeaconReportDto } from './beacon-report.dto.ts';
import { BeaconReportQuery, type BeaconReport } from './beacon-report.query.ts';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class BeaconReportController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('beacon')
  @Roles('case_manager', 'supervisor', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the figures include the write that returned this position' })
  @ApiOkResponse({
    description:
      'For the period asked, or the current quarter: referrals by source and crime type, priority-group share, support acceptance and decline reasons, working days from crime report to referral, police referrals delayed over 2 working days, overdue contacts, criminal-justice updates passed on in time, closures, risk levels, service referrals by outcome, personal statements offered and made, restorative-justice interest',
  })
  async report(@Query() asked: BeaconReportDto, @MinPosition() minPosition: bigint | undefined): Promise<BeaconReport> {
    const { from, to } = reportPeriod(asked, new Date());
    await awaitReadModels(this.projections, [referralListProjection.name, cjUpdatesProjection.name], minPosition);
    return this.queries.execute(new BeaconReportQuery(from, to));
  }
}
