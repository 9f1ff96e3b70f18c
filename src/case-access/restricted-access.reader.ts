import { Inject, Injectable } from '@nestjs/common';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { fold } from '../shared/domain/decider.ts';
import { restrictedAccessDecider, type RestrictedAccess } from './domain/restricted-access.decide.ts';
import type { RestrictedAccessEvent } from './domain/restricted-access.events.ts';
import { restrictedAccessStream } from './restricted-access-stream.ts';

/** A case's restriction as its stream says now: no read-model lag between restricting a case and refusing others. */
@Injectable()
export class RestrictedAccessReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  async accessOf(caseId: string): Promise<RestrictedAccess> {
    const history = await this.store.readStream(restrictedAccessStream(caseId));
    return fold(restrictedAccessDecider, history.map((event) => this.catalog.toDomain<RestrictedAccessEvent>(event)));
  }
}
