import { Query } from '@nestjs/cqrs';
import type { ResolutionView } from './resolution.view.ts';

export class GetResolutionQuery extends Query<ResolutionView | undefined> {
  constructor(readonly resolutionId: string) {
    super();
  }
}
