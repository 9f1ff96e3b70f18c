import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/roles.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { heldCases, type HeldCase } from './held-cases.ts';

/** The cases under a legal hold now. */
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
    return { items: await heldCases(this.store, this.catalog) };
  }
}
