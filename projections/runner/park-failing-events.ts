import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { isEventFailure } from './event-failure.ts';

export interface EventByEventSteps {
  /** How often an event is tried alone before it is parked. */
  attempts: number;
  /** Applies one event and the checkpoint after it, in one transaction. */
  apply(event: RecordedEvent): Promise<void>;
  /** Records the event as parked and the checkpoint after it, in one transaction. */
  park(event: RecordedEvent, error: unknown, attempts: number): Promise<void>;
  /** Before the next attempt at the same event. */
  pause(attempt: number): Promise<void>;
  stopping(): boolean;
}

/**
 * After a batch failed on what one of its events says: applies its events one at a time until one still fails
 * after `attempts` tries, and parks that one; the events after it are left to the next batch. An error that is
 * not the event's (a lost connection) is thrown at once, leaving the checkpoint after the last event applied.
 */
export async function applyEventByEvent(events: readonly RecordedEvent[], steps: EventByEventSteps): Promise<void> {
  for (const event of events) {
    for (let attempt = 1; ; attempt++) {
      if (steps.stopping()) return;
      try {
        await steps.apply(event);
        break;
      } catch (error) {
        if (!isEventFailure(error)) throw error;
        if (attempt >= steps.attempts) return steps.park(event, error, attempt);
        await steps.pause(attempt);
      }
    }
  }
}
