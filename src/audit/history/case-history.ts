import { Inject, Injectable } from '@nestjs/common';
import { EventCatalog } from '../../event-store/event-catalog.ts';
import { AUDIT_EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/event-store.port.ts';
import { SettingsService } from '../../settings/settings.service.ts';
import { CASE_KINDS, type CaseKind } from './case-kinds.ts';

export interface CaseHistory {
  caseKind: CaseKind;
  events: RecordedEvent[];
}

/** Where to stop replaying: at an instant, or at a revision (inclusive). */
export type ReplayPoint = { asOf: Date } | { revision: number } | 'now';

/**
 * Replays any case from the event store itself, never from read models: an auditor sees what was
 * recorded, upcast to today's shapes by the same catalog the commands use.
 */
@Injectable()
export class CaseHistories {
  constructor(
    @Inject(AUDIT_EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    private readonly settings: SettingsService,
  ) {}

  /** The kind of case this id names; undefined when no case has this id. */
  async kindOf(caseId: string): Promise<CaseKind | undefined> {
    for (const caseKind of CASE_KINDS) {
      if ((await this.store.readStream(caseKind.streamOf(caseId), { maxCount: 1 })).length > 0) return caseKind;
    }
    return undefined;
  }

  /** The stream that holds the case, whatever its kind; undefined when no case has this id. */
  async streamOf(caseId: string): Promise<string | undefined> {
    return (await this.kindOf(caseId))?.streamOf(caseId);
  }

  /** The case's history, whatever its kind; undefined when no case has this id. */
  async historyOf(caseId: string): Promise<CaseHistory | undefined> {
    for (const caseKind of CASE_KINDS) {
      const events = await this.store.readStream(caseKind.streamOf(caseId));
      if (events.length > 0) return { caseKind, events: events.map((event) => ({ ...event, data: this.catalog.toDomain(event).data as RecordedEvent['data'] })) };
    }
    return undefined;
  }

  /** When the case closed for the retention schedule, from its own events rather than a read model that may lag; null while open or unknown. */
  async closedAt(caseId: string): Promise<string | null> {
    const history = await this.historyOf(caseId);
    return history ? history.caseKind.closedAt(history.events, this.catalog) : null;
  }

  /** The case's view at a point of its history; undefined when it did not exist yet. */
  async stateAt(history: CaseHistory, point: ReplayPoint): Promise<{ view: object; revision: number } | undefined> {
    const prefix = history.events.filter((event) => (point === 'now' ? true : 'asOf' in point ? event.recordedAt <= point.asOf : event.revision <= point.revision));
    if (prefix.length === 0) return undefined;
    const asOf = point !== 'now' && 'asOf' in point ? point.asOf : new Date();
    const view = history.caseKind.viewAt(prefix, this.catalog, await this.settings.current(), asOf);
    return view && { view, revision: prefix.at(-1)!.revision };
  }
}
