import { Query } from '@nestjs/cqrs';
import type { DipSampleView } from './dip-sample.view.ts';

export class GetDipSampleQuery extends Query<DipSampleView | undefined> {
  constructor(readonly sampleId: string) {
    super();
  }
}
