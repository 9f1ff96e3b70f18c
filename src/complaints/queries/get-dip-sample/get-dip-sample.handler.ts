import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DipSampleEntry } from '../../../../projections/complaints/dip-sample.entity.ts';
import { GetDipSampleQuery } from './get-dip-sample.query.ts';
import { toDipSampleView, type DipSampleView } from './dip-sample.view.ts';

@QueryHandler(GetDipSampleQuery)
export class GetDipSampleHandler implements IQueryHandler<GetDipSampleQuery> {
  constructor(@InjectRepository(DipSampleEntry) private readonly samples: Repository<DipSampleEntry>) {}

  async execute({ sampleId }: GetDipSampleQuery): Promise<DipSampleView | undefined> {
    const row = await this.samples.findOneBy({ id: sampleId });
    return row ? toDipSampleView(row) : undefined;
  }
}
