import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { complaintListProjection } from '../../../../projections/complaints/complaint-list.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { CommandPipeline } from '../../../command-pipeline/command-pipeline.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { ReadModelBehind } from '../../../http/min-position.ts';
import { complaintReference } from '../../complaint-stream.ts';
import { DIP_SAMPLE_STREAM, dipSampleDecider, drawSample } from '../../domain/dip-sample.ts';
import { DrawDipSampleCommand, type DipSampleOutcome } from './dip-sample.command.ts';

/**
 * The population is every complaint received in the range (days in England), from the complaint list once it
 * holds every event committed when the draw began: a lagging list, or one behind a write still in flight,
 * would make the same seed and range choose from fewer files.
 */
@CommandHandler(DrawDipSampleCommand)
export class DrawDipSampleHandler implements ICommandHandler<DrawDipSampleCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ body, context }: DrawDipSampleCommand): Promise<DipSampleOutcome> {
    const head = await this.store.committedHeadPosition();
    if (head !== undefined && !(await this.projections.waitUntilProjected(complaintListProjection.name, head))) {
      throw new ReadModelBehind(complaintListProjection.name, 'the event store');
    }
    const rows = await this.complaints
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where(`(c.received_at AT TIME ZONE 'Europe/London')::date BETWEEN :from::date AND :to::date`, { from: body.from, to: body.to })
      .getRawMany<{ id: string }>();
    const population = rows.map((row) => row.id);
    const sampleId = context.ids.caseId();
    const readAtPosition = (head ?? 0n).toString();
    const outcome = await this.pipeline.run({
      stream: DIP_SAMPLE_STREAM,
      caseId: sampleId,
      decider: dipSampleDecider,
      createsCase: true,
      context,
      command: { type: 'DrawDipSample', sampleId, seed: body.seed, from: body.from, to: body.to, size: body.size, population, readAtPosition, metadata: { now: context.now } },
    });
    // The same pure draw the decider recorded, so the answer lists exactly the stored selection.
    const complaints = drawSample(population, body.seed, body.size).map((id) => ({ id, reference: complaintReference(id) }));
    return { ...outcome, populationSize: population.length, complaints, readAtPosition };
  }
}
