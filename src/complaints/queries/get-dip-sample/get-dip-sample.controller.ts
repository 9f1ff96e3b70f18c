import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { dipSamplesProjection } from '../../../../projections/complaints/dip-samples.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { Roles } from '../../../auth/roles.ts';
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
  ) {}

  @Get(':id')
  @Roles(...DIP_SAMPLE_ROLES)
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the sample drawn at this position is readable; 202 + Retry-After if it is not in time' })
  @ApiOkResponse({ description: 'The dip sample as drawn: seed, range, population size, the complaint files chosen in order, when and by whom' })
  async get(@Param('id', CaseIdPipe) id: string, @MinPosition() minPosition: bigint | undefined): Promise<DipSampleView> {
    await awaitReadModels(this.projections, [dipSamplesProjection.name], minPosition);
    const sample = await this.queries.execute(new GetDipSampleQuery(id));
    if (!sample) throw new NotFoundException(`No dip sample with id ${id}`);
    return sample;
  }
}
