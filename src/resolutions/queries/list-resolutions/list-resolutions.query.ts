import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../case-access/domain/restricted-access.decide.ts';
import type { Page } from '../../../http/page.ts';
import type { ListResolutionsDto } from './list-resolutions.dto.ts';

export interface ResolutionListItem {
  id: string;
  status: string;
  outcome: string | null;
  offenceType: string;
  crimeReference: string;
  offenderName: string;
  openRemedies: number;
  nextRemedyDue: string | null;
  overdue: boolean;
  proposedAt: string;
  closedAt: string | null;
  revision: number;
}

export class ListResolutionsQuery extends Query<Page<ResolutionListItem>> {
  constructor(
    readonly filters: ListResolutionsDto,
    /** Restricted cases they are not named on are left out. */
    readonly viewer: Viewer,
  ) {
    super();
  }
}
