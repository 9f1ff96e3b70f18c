import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../http/page.ts';
import type { ListComplaintsDto } from './list-complaints.dto.ts';

export interface ComplaintListItem {
  id: string;
  reference: string;
  status: string;
  route: string;
  categories: string[];
  complainantName: string;
  nextDue: string | null;
  overdue: boolean;
  receivedAt: string;
  revision: number;
}

export class ListComplaintsQuery extends Query<Page<ComplaintListItem>> {
  constructor(
    readonly filters: ListComplaintsDto,
    /** Cases whose processing is restricted stay in the list (an auditor's). */
    readonly includeRestricted: boolean,
  ) {
    super();
  }
}
