import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LoggedComplaint } from '../../src/complaints/domain/complaint.state.ts';

/** Read side of the complaint-list projection (table from migrations; rows written only by the projector). */
@Entity({ name: 'complaint_list' })
export class ComplaintListEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  reference!: string;

  @Column('text')
  stage!: string;

  @Column('text')
  route!: string;

  @Column('text', { array: true })
  categories!: string[];

  @Column('text', { name: 'complainant_name' })
  complainantName!: string;

  /** A calendar date in England, kept as text so no time zone shifts it. */
  @Column('date', { name: 'next_due', nullable: true })
  nextDue!: string | null;

  /** The day the first-contact clock started, while contact is owed. */
  @Column('date', { name: 'contact_due_from', nullable: true })
  contactDueFrom!: string | null;

  /** The day the outcome was decided, while the complainant is still to be told. */
  @Column('date', { name: 'notify_due_from', nullable: true })
  notifyDueFrom!: string | null;

  /** The earliest due date no calendar moves (progress updates, long-running reports). */
  @Column('date', { name: 'fixed_due', nullable: true })
  fixedDue!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('int')
  revision!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** The complaint as the domain's evolve folded it; only a single case's page loads it. */
  @Column('jsonb', { select: false })
  state!: LoggedComplaint;
}
