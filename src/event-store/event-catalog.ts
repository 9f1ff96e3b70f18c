import type { DomainEvent } from '../shared/domain/decider.ts';
import type { EventDefinition } from '../personal-data/event-definition.ts';
import type { JsonObject, RecordedEvent } from './event-store.port.ts';

export const EVENT_DEFINITIONS = Symbol('EVENT_DEFINITIONS');

/**
 * Every stored event type the service knows, with its current schema version. Reading goes through
 * `toDomain`, which upcasts older payloads, so deciders and projections only see current shapes.
 */
export class EventCatalog {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      if (this.byType.has(definition.type)) throw new Error(`Event type ${definition.type} is defined twice`);
      this.byType.set(definition.type, definition);
    }
  }

  definitionOf(type: string): EventDefinition {
    const definition = this.byType.get(type);
    if (!definition) throw new Error(`Unknown event type ${type}`);
    return definition;
  }

  /** Where events of a type and stored schema version keep personal data; none for a type the catalog does not know. */
  personalDataOf(type: string, schemaVersion: number): EventDefinition['personalData'] {
    const definition = this.byType.get(type);
    if (!definition) return [];
    return schemaVersion === definition.schemaVersion ? definition.personalData : (definition.earlierPersonalData?.[schemaVersion] ?? definition.personalData);
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  toDomain<Event extends DomainEvent>(recorded: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): Event {
    const definition = this.definitionOf(recorded.type);
    let data = recorded.data;
    for (let version = recorded.schemaVersion; version < definition.schemaVersion; version++) {
      const upcast = definition.upcasters?.[version];
      if (!upcast) throw new Error(`No upcaster for ${recorded.type} from schema version ${version}`);
      data = upcast(data);
    }
    return { type: recorded.type, data } as Event;
  }

  schemaVersionOf(event: DomainEvent): number {
    return this.definitionOf(event.type).schemaVersion;
  }

  /** Domain events are plain JSON by construction; this is the one place that says so to the store. */
  dataOf(event: DomainEvent): JsonObject {
    return event.data as JsonObject;
  }
}
