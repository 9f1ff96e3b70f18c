import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
import { idsDerivedFrom } from '../../command-pipeline/id-source.ts';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { ErasureRegister } from '../erasure-register/erasure-register.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';
import { GROUND_NOT_RECORDED, type DecisionGrounds } from './data-subject-grounds.ts';

/** What the record says when it is written on a later start and the erasure register has no line for it (another register, or none). */
export const INTERRUPTED_ERASURE_GROUNDS: DecisionGrounds = { ground: GROUND_NOT_RECORDED, requestReference: null };

/** Keys marked as recorded in one statement, so a first start after many erasures keeps what it has done if stopped. */
const MARKED_AT_ONCE = 1000;

/**
 * An erasure destroys the subject's key and then records `PersonalDataErased`; a crash in between would
 * leave the data erased with no record and the read models still holding copies. On every start, each
 * destroyed key without a record gets one (dated when the key was destroyed), which the read models that
 * copy personal data follow like any record, so an erasure is all or nothing. Its ground and request reference
 * are the erasure register's, which was written before the key was destroyed. Only keys not yet marked as
 * recorded are looked at: an erasure marks its keys once their records are written.
 */
@Injectable()
export class InterruptedErasures implements OnApplicationBootstrap {
  private readonly logger = new Logger('Erasure');

  constructor(
    private readonly keys: SubjectKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pipeline: CommandPipeline,
    private readonly register: ErasureRegister,
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
    let registered: Map<string, DecisionGrounds> | undefined;
    for (const { subjectId, erasedAt } of await this.keys.unrecordedErasures()) {
      const history = await this.store.readStream(dataSubjectStream(subjectId));
      if (!history.some((event) => event.type === 'PersonalDataErased')) {
        // Read once, and only when some erasure lacks its record; the last line for a subject is its erasure.
        registered ??= new Map((await this.register.entries()).map(({ subjectId: registeredId, ground, requestReference }) => [registeredId, { ground, requestReference }]));
        if (await this.record(subjectId, erasedAt, registered.get(subjectId) ?? INTERRUPTED_ERASURE_GROUNDS)) recorded++;
      }
      settled.push(subjectId);
      if (settled.length === MARKED_AT_ONCE) await this.keys.erasuresRecorded(settled.splice(0));
    }
    await this.keys.erasuresRecorded(settled);
    return recorded;
  }

  private async record(subjectId: string, erasedAt: Date, { ground, requestReference }: DecisionGrounds): Promise<boolean> {
    const command = { type: 'Erase' as const, subjectId, ground, requestReference, metadata: { now: erasedAt } };
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
