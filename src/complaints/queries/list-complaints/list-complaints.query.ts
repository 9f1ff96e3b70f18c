import { Query } from '@nestjs/cqrs';
import type { Viewer } from '../../../case-access/domain/restricted-access.decide.ts';
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
    /** Restricted cases they are not named on are left out. */
    readonly viewer: Viewer,
  ) {
    super();
  }
}
