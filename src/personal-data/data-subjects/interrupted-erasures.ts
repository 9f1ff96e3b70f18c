import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
import { idsDerivedFrom } from '../../command-pipeline/id-source.ts';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';

/** What the record says when it was written on a later start: the request's own reason was lost with it. */
export const INTERRUPTED_ERASURE_REASON = 'Recorded on restart: the erasure destroyed the key, then stopped before its record was written';

/** Keys marked as recorded in one statement, so a first start after many erasures keeps what it has done if stopped. */
const MARKED_AT_ONCE = 1000;

/**
 * An erasure destroys the subject's key and then records `PersonalDataErased`; a crash in between would
 * leave the data erased with no record and the read models still holding copies. On every start, each
 * destroyed key without a record gets one (dated when the key was destroyed), which the read models that
 * copy personal data follow like any record, so an erasure is all or nothing. Only keys not yet marked as
 * recorded are looked at: an erasure marks its keys once their records are written.
 */
@Injectable()
export class InterruptedErasures implements OnApplicationBootstrap {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly keys: SubjectKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pipeline: CommandPipeline,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const recorded = await this.recordInterrupted();
    if (recorded === 0) return;
    this.logger.warn(`${recorded} erasure(s) interrupted before their record: recorded now, the read models follow`);
  }

  /** How many erasures had no record and now have one; every erasure looked at is then marked as recorded. */
  private async recordInterrupted(): Promise<number> {
    let recorded = 0;
    const settled: string[] = [];
    for (const { subjectId, erasedAt } of await this.keys.unrecordedErasures()) {
      const history = await this.store.readStream(dataSubjectStream(subjectId));
      if (!history.some((event) => event.type === 'PersonalDataErased') && (await this.record(subjectId, erasedAt))) recorded++;
      settled.push(subjectId);
      if (settled.length === MARKED_AT_ONCE) await this.keys.erasuresRecorded(settled.splice(0));
    }
    await this.keys.erasuresRecorded(settled);
    return recorded;
  }

  private async record(subjectId: string, erasedAt: Date): Promise<boolean> {
    const command = { type: 'Erase' as const, subjectId, reason: INTERRUPTED_ERASURE_REASON, metadata: { now: erasedAt } };
    // Ids derived from the subject: two instances starting at once append the same event, once.
    const context = { actor: { sub: 'casework', roles: [] }, correlationId: randomUUID(), causationId: 'start', now: new Date(), ids: idsDerivedFrom(`interrupted-erasure/${subjectId}`) };
    try {
      await this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
      return true;
    } catch (error) {
      // Another instance recorded it first.
      if (error instanceof DomainRuleViolation && error.rule === 'already-erased') return false;
      throw error;
    }
  }
}
