import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProposedResolution } from '../../src/resolutions/domain/resolution.state.ts';

/** Read side of the resolution-list projection (table from migrations; rows written only by the projector). */
@Entity({ name: 'resolution_list' })
export class ResolutionListEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('text', { name: 'offence_type_id' })
  offenceTypeId!: string;

  @Column('text', { name: 'crime_reference' })
  crimeReference!: string;

  @Column('text', { name: 'offender_name' })
  offenderName!: string;

  @Column('int', { name: 'open_remedies' })
  openRemedies!: number;

  /** The earliest due date of an open remedy (a calendar day in England). */
  @Column('date', { name: 'next_remedy_due', nullable: true })
  nextRemedyDue!: string | null;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('int')
  revision!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** The resolution as the domain's evolve folded it; only a single case's page loads it. */
  @Column('jsonb', { select: false })
  state!: ProposedResolution;
}
