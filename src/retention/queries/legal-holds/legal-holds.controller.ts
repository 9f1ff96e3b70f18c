import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { legalHoldDecider, type LegalHold } from '../../domain/legal-hold.decide.ts';
import type { LegalHoldEvent } from '../../domain/legal-hold.events.ts';

const HOLD_EVENTS = ['LegalHoldPlaced', 'LegalHoldLifted'];
const BATCH = 1000;

export type HeldCase = { caseId: string } & Extract<LegalHold, { status: 'held' }>;

/** The cases under a legal hold now: folded from the holds' own events (few, and indexed by type), so no read model lags behind a hold just placed. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('admin/legal-holds')
export class LegalHoldsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  @Get()
  @Roles('admin', 'auditor', 'supervisor')
  @ApiOkResponse({
    description: 'Case ids, reasons, who placed each hold and since when (no personal data), oldest hold first',
    schema: { example: { items: [{ caseId: '0b6f3c1e-3d2a-4c5b-9a8e-1f2d3c4b5a69', status: 'held', reason: 'litigation', by: 'sup-01', since: '2026-11-30T10:00:00.000Z' }] } },
  })
  async held(): Promise<{ items: HeldCase[] }> {
    const holds = new Map<string, LegalHold>();
    let after: bigint | undefined;
    for (;;) {
      // Everything committed now, a hold just placed included (an event still to commit elsewhere was not there yet).
      const batch = await this.store.readAll({ eventTypes: HOLD_EVENTS, maxCount: BATCH, after, includeUnsettled: true });
      if (batch.length === 0) break;
      for (const recorded of batch) {
        const event = this.catalog.toDomain<LegalHoldEvent>(recorded);
        holds.set(event.data.caseId, legalHoldDecider.evolve(holds.get(event.data.caseId) ?? legalHoldDecider.initialState(), event));
      }
      after = batch.at(-1)!.position;
    }
    const items = [...holds].flatMap(([caseId, hold]) => (hold.status === 'held' ? [{ caseId, ...hold }] : []));
    return { items: items.sort((a, b) => a.since.localeCompare(b.since)) };
  }
}
