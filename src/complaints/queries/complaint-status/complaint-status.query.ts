import { Query } from '@nestjs/cqrs';
import type { ComplainantStatusView } from './complainant-status.view.ts';

export class ComplaintStatusQuery extends Query<ComplainantStatusView | undefined> {
  constructor(readonly complaintId: string) {
    super();
  }
}
