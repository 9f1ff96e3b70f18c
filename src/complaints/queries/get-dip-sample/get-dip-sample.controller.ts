import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { dipSamplesProjection } from '../../../../projections/complaints/dip-samples.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
import type { AuthenticatedUser } from '../../../auth/token-verifier.ts';
import { casesVisibleTo } from '../../../case-access/visible-cases.ts';
import { CurrentUser } from '../../../http/request-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
import { DIP_SAMPLE_ROLES } from '../../domain/dip-sample.ts';
import type { DipSampleView } from './dip-sample.view.ts';
import { GetDipSampleQuery } from './get-dip-sample.query.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints/dip-samples')
export class GetDipSampleController {
  constructor(
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
    private readonly database: DataSource,
  ) {}

  @Get(':id')
  @Roles(...DIP_SAMPLE_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the sample drawn at this position is readable; 202 + Retry-After if it is not in time' })
  @ApiOkResponse({ description: 'The dip sample as drawn: seed, range, population size, the complaint files chosen in order, when and by whom' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined, @CurrentUser() caller: AuthenticatedUser): Promise<DipSampleView> {
    await awaitReadModels(this.projections, [dipSamplesProjection.name], minPosition);
    const sample = await this.queries.execute(new GetDipSampleQuery(id));
    if (!sample) throw new NotFoundException(`No dip sample with id ${id}`);
    // Restricted files stay in the draw, unseen by whoever is not named on them.
    const visible = new Set(await casesVisibleTo(this.database, sample.complaints.map(({ id: complaintId }) => complaintId), caller));
    return { ...sample, complaints: sample.complaints.filter(({ id: complaintId }) => visible.has(complaintId)) };
  }
}
