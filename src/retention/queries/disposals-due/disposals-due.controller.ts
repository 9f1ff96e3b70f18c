import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { MinPosition } from '../../../http/min-position.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import type { DueCase } from '../../domain/disposal.decide.ts';
import { DisposalReview } from './disposal-review.ts';
import { DisposalsDueDto } from './disposals-due.dto.ts';

export const DUE_EXAMPLE: DueCase = {
  caseKind: 'referral',
  caseId: '0b6f3c1e-3d2a-4c5b-9a8e-1f2d3c4b5a69',
  closedAt: '2020-11-30T10:00:00.000Z',
  closureReason: 'support-completed',
  dueOn: '2026-11-30',
  rule: { caseKind: 'referral', closureReason: null, months: 72 },
};

/** The review list of disposal: the closed cases whose retention period has run by a London day and that no legal hold keeps, with the rule for each. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('admin/disposals')
export class DisposalsDueController {
  constructor(private readonly review: DisposalReview) {}

  @Get('due')
  @Roles('admin', 'auditor')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the answer includes the write that returned this position' })
  @ApiOkResponse({
    description: 'Case ids, kinds and closure only (no personal data), oldest closure first, a page at a time (`?limit=&cursor=`); cases already disposed of are not listed',
    schema: { example: { asOf: '2026-12-04', items: [DUE_EXAMPLE], nextCursor: null } },
  })
  async due(@Query() { asOf, limit = 50, cursor }: DisposalsDueDto, @MinPosition() minPosition: bigint | undefined): Promise<{ asOf: string } & Page<DueCase>> {
    const after = decodeCursor(cursor, 2) as [string, string] | undefined;
    const { items, more } = await this.review.due(asOf, { limit, after, minPosition });
    return { asOf, items, nextCursor: more ? encodeCursor([items.at(-1)!.closedAt, items.at(-1)!.caseId]) : null };
  }
}
