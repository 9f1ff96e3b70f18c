import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseTimelineProjection, type TimelineEntry } from './case-timeline.projection.ts';

/** Reads a case's timeline from the case-timeline read model. */
@Injectable()
export class CaseTimeline {
  constructor(private readonly database: DataSource) {}

  /** The entries of one stream (e.g. `referral-<id>`), oldest first; empty when it has none yet. */
  async entriesOf(stream: string): Promise<TimelineEntry[]> {
    const rows: { entries: TimelineEntry[] }[] = await this.database.query(`SELECT entries FROM ${caseTimelineProjection.table} WHERE id = $1`, [stream]);
    return rows[0]?.entries ?? [];
  }
}
