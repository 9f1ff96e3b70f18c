import { Query } from '@nestjs/cqrs';
import type { ComplaintView } from './complaint.view.ts';

export class GetComplaintQuery extends Query<ComplaintView | undefined> {
  constructor(readonly complaintId: string) {
    super();
  }
}
