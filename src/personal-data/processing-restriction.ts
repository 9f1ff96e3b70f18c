import { Injectable } from '@nestjs/common';
import { EventCatalog } from '../event-store/event-catalog.ts';
import type { RecordedEvent } from '../event-store/event-store.port.ts';
import { findPersonalData } from './personal-data.ts';
import { SubjectKeys } from './subject-keys.ts';

/** A command on a case one of whose data subjects has processing restricted (HTTP 409 `processing-restricted`). */
export class ProcessingRestricted extends Error {
  override readonly name = 'ProcessingRestricted';
  readonly rule = 'processing-restricted';

  constructor(readonly restrictedSubjects: number) {
    super(`Processing of this case is restricted (UK GDPR Art. 18): ${restrictedSubjects} of its data subjects asked for it. Only lifting the restriction, erasure and the lawful exceptions the README names may go on`);
  }
}

/**
 * Art. 18: while a data subject's processing is restricted, their data is stored but not otherwise processed, so a
 * case holding it takes no command beyond the lawful exceptions. Its subjects are read from its history, the
 * restriction from the keys table as it stands (a restriction holds at once, in every process).
 */
@Injectable()
export class ProcessingRestriction {
  constructor(
    private readonly catalog: EventCatalog,
    private readonly keys: SubjectKeys,
  ) {}

  /** The data subjects whose values the events hold. */
  subjectsOf(events: readonly Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>[]): string[] {
    return [...new Set(events.flatMap((event) => findPersonalData(event.data, this.catalog.personalDataOf(event.type, event.schemaVersion)).map((field) => field.subjectId)))];
  }

  /**
   * Whether the subjects' values read back as they were written (none erased, none restricted), so a state folded
   * from what a command wrote stands for what the store would give.
   */
  async readAsWritten(subjects: readonly string[]): Promise<boolean> {
    if (subjects.length === 0) return true;
    const keys = await this.keys.keysFor(subjects, false);
    return subjects.every((id) => {
      const key = keys.get(id);
      return key?.state === 'active' && !key.restricted;
    });
  }

  async refuseIfRestricted(subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    const restricted = await this.keys.restrictedAmong(subjects);
    if (restricted.length > 0) throw new ProcessingRestricted(restricted.length);
  }
}
