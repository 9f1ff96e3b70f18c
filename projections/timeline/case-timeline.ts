import { Injectable } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { caseTimelineProjection, type TimelineEntry } from './case-timeline.projection.ts';

/** Reads a case with its timeline from the read models. */
@Injectable()
export class CaseTimeline {
  constructor(private readonly database: DataSource) {}

  /**
   * A case's state and revision from its kind's list (`table`, with `state` and `revision` columns) and the
   * entries of its stream's timeline, in one statement; undefined when the list has no such case.
   */
  async caseWithEntries<State>(table: string, caseId: string, stream: string): Promise<{ state: State; revision: number; timeline: TimelineEntry[] } | undefined> {
    const rows: { state: State; revision: number; entries: TimelineEntry[] | null }[] = await this.database.query(
      `SELECT c.state, c.revision, (SELECT entries FROM ${caseTimelineProjection.table} WHERE id = $2) AS entries FROM ${pg.escapeIdentifier(table)} c WHERE c.id = $1`,
      [caseId, stream],
    );
    const row = rows[0];
    return row && { state: row.state, revision: row.revision, timeline: row.entries ?? [] };
  }
}
