import { Inject, Injectable } from '@nestjs/common';
import type { CaseKind } from '../../../../projections/people/subject-index.projection.ts';
import { complaintStream } from '../../../complaints/complaint-stream.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { AUDIT_EVENT_STORE, type EventStore, type JsonObject, type RecordedEvent } from '../../../event-store/event-store.port.ts';
import { dataSubjectStream } from '../../../personal-data/data-subjects/data-subject.events.ts';
import { withValues } from '../../../personal-data/encrypting-event-store.ts';
import { findPersonalData } from '../../../personal-data/personal-data.ts';
import { referralStream } from '../../../referrals/referral-stream.ts';
import { resolutionStream } from '../../../resolutions/resolution-stream.ts';
import { personLinkStream } from '../../domain/person-link.events.ts';
import type { Appearance } from '../../people-index.ts';

/** What stands in for another person's data in an export: a subject access request discloses only the requester's. */
export const WITHHELD = '[another person]';

const STREAM_OF: Record<CaseKind, (caseId: string) => string> = { referral: referralStream, complaint: complaintStream, resolution: resolutionStream };

/** One thing recorded: when, by whom, what, and the details as they read today. */
export interface ExportedEvent {
  type: string;
  recordedAt: string;
  recordedBy: string;
  data: JsonObject;
}

export interface ExportedCase {
  caseId: string;
  caseKind: CaseKind;
  role: string;
  subjectId: string;
  events: ExportedEvent[];
}

/** Everything held about one person (UK GDPR Art. 15, DPA 2018 s45): every case they appear in, and what was decided about their data. */
export interface PersonExport {
  personId: string;
  exportedAt: string;
  cases: ExportedCase[];
  /** Each record recognised (or no longer) as this person, and why. */
  links: ExportedEvent[];
  /** Erasures and restrictions of their data. */
  dataDecisions: ExportedEvent[];
  /** Restricted cases of theirs left out because the caller is not named on them: the request is only complete at 0. */
  restrictedCasesWithheld: number;
}

/** Reads every stream about a person in the cases given, decrypted (restricted data too: it is theirs), with other people's data withheld. */
@Injectable()
export class PersonExporter {
  constructor(
    @Inject(AUDIT_EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  async export(personId: string, appearances: readonly Appearance[], restrictedCasesWithheld: number, now: Date): Promise<PersonExport> {
    const subjects = new Set(appearances.map((appearance) => appearance.subjectId));
    const read = async (stream: string) => (await this.store.readStream(stream)).map((event) => this.exported(event, subjects));
    const perSubject = async (streamOf: (subjectId: string) => string) => (await Promise.all([...subjects].map((subjectId) => read(streamOf(subjectId))))).flat();
    return {
      personId,
      exportedAt: now.toISOString(),
      cases: await Promise.all(
        appearances.map(async ({ caseId, caseKind, role, subjectId }) => ({ caseId, caseKind, role, subjectId, events: await read(STREAM_OF[caseKind](caseId)) })),
      ),
      links: await perSubject(personLinkStream),
      dataDecisions: await perSubject(dataSubjectStream),
      restrictedCasesWithheld,
    };
  }

  private exported(event: RecordedEvent, subjects: ReadonlySet<string>): ExportedEvent {
    const others = findPersonalData(event.data, this.catalog.personalDataOf(event.type, event.schemaVersion)).filter((field) => !subjects.has(field.subjectId));
    const { data } = this.catalog.toDomain(withValues(event, others, () => WITHHELD));
    return { type: event.type, recordedAt: event.recordedAt.toISOString(), recordedBy: event.metadata.actor.sub, data: data as JsonObject };
  }
}
