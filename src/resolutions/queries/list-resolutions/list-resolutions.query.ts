import { Query } from '@nestjs/cqrs';
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
    /** Cases whose processing is restricted stay in the list (an auditor's). */
    readonly includeRestricted: boolean,
  ) {
    super();
  }
}
