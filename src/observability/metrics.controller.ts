import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.ts';
import { Metrics } from './metrics.ts';
import { ProjectionMetrics } from './projection-metrics.ts';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly projectionMetrics: ProjectionMetrics,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Prometheus text format: commands, appends, projections, HTTP and process metrics' })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    await this.projectionMetrics.refresh();
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
