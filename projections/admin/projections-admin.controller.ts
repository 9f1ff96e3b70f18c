import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../src/auth/roles.ts';
import { NoDetailsDto } from '../../src/http/no-details.dto.ts';
import { ProjectionsService } from '../runner/projections.service.ts';
import type { ProjectionStatus } from '../runner/projection-status.ts';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: "Each projection's version, checkpoint, head, lag, state and last error" })
  list(): Promise<ProjectionStatus[]> {
    return this.projections.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ description: 'The rebuild has started alongside the live read model; queries keep answering until the swap' })
  rebuild(@Param('name') name: string, @Body() _body: NoDetailsDto): Promise<ProjectionStatus> {
    return this.projections.rebuild(name);
  }
}
