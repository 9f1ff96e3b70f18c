import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { personLinksProjection } from '../../projections/people/person-links.projection.ts';
import { subjectIndexProjection, type CaseKind, type IndexedSubject } from '../../projections/people/subject-index.projection.ts';
import { ProjectionsService } from '../../projections/runner/projections.service.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { ReadModelBehind } from '../http/min-position.ts';

/** One data subject's place in one case, and the person they were recognised as, if any. */
export interface Appearance {
  caseId: string;
  caseKind: CaseKind;
  subjectId: string;
  role: IndexedSubject['role'];
  personId: string | null;
  matchKeys: string[];
}

const APPEARANCES = `
  SELECT i.id AS "caseId", i.case_kind AS "caseKind", s->>'subjectId' AS "subjectId", s->>'role' AS role,
         p.person_id AS "personId", s->'matchKeys' AS "matchKeys"
    FROM subject_index i
   CROSS JOIN LATERAL jsonb_array_elements(i.subjects) s
    LEFT JOIN person_subjects p ON p.id = (s->>'subjectId')::uuid`;

/** Reads the subject-index and person-links read models. */
@Injectable()
export class PeopleIndex {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  /** For commands acting on who is whom: waits until both read models hold every event committed so far, else 202. */
  async caughtUp(): Promise<void> {
    const head = await this.store.committedHeadPosition();
    if (head === undefined) return;
    for (const { name } of [subjectIndexProjection, personLinksProjection]) {
      if (!(await this.projections.waitUntilProjected(name, head))) throw new ReadModelBehind(name, 'the event store');
    }
  }

  /** The data subjects of one case. */
  ofCase(caseId: string): Promise<Appearance[]> {
    return this.dataSource.query(`${APPEARANCES} WHERE i.id = $1`, [caseId]);
  }

  /** Every appearance sharing at most `limit` cases' worth of any of the keys. */
  matching(keys: readonly string[], limit: number): Promise<Appearance[]> {
    return this.dataSource.query(
      `${APPEARANCES} WHERE i.id IN (SELECT id FROM subject_index WHERE match_keys && $1::text[] LIMIT $2) AND (s->'matchKeys') ?| $1::text[] ORDER BY i.id`,
      [keys, limit],
    );
  }

  /** Every appearance of these people. */
  ofPeople(personIds: readonly string[]): Promise<Appearance[]> {
    return this.dataSource.query(
      `${APPEARANCES} WHERE i.people_ids && (SELECT array_agg(id) FROM person_subjects WHERE person_id = ANY($1::uuid[])) AND p.person_id = ANY($1::uuid[]) ORDER BY i.id`,
      [personIds],
    );
  }

  /** The cases whose data subjects include this one. */
  async casesOfSubject(subjectId: string): Promise<string[]> {
    return (await this.dataSource.query(`SELECT id FROM subject_index WHERE people_ids @> ARRAY[$1::uuid]`, [subjectId])).map(({ id }: { id: string }) => id);
  }

  async personExists(personId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM person_subjects WHERE person_id = $1 LIMIT 1`, [personId])).length > 0;
  }
}
