import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ResolutionListEntry } from '../../../../projections/resolutions/resolution-list.entity.ts';
import { CaseTimeline } from '../../../../projections/timeline/case-timeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { resolutionStream } from '../../resolution-stream.ts';
import { GetResolutionQuery } from './get-resolution.query.ts';
import { toResolutionView, type ResolutionView } from './resolution.view.ts';

/** From the read models only: the resolution folded by the projector, and its timeline. */
@QueryHandler(GetResolutionQuery)
export class GetResolutionHandler implements IQueryHandler<GetResolutionQuery> {
  constructor(
    @InjectRepository(ResolutionListEntry) private readonly resolutions: Repository<ResolutionListEntry>,
    private readonly timeline: CaseTimeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ resolutionId }: GetResolutionQuery): Promise<ResolutionView | undefined> {
    const found = await this.timeline.caseWithEntries<ResolutionListEntry['state']>(this.resolutions.metadata.tableName, resolutionId, resolutionStream(resolutionId));
    if (!found) return undefined;
    return toResolutionView(found.state, found.revision, found.timeline, await this.settings.current(), new Date());
  }
}
