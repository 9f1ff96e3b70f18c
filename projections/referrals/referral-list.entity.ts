import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReceivedReferral } from '../../src/referrals/domain/referral.state.ts';

/** Read side of the referral-list projection (table from migrations; rows written only by the projector). */
@Entity({ name: 'referral_list' })
export class ReferralListEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  status!: string;

  @Column('text')
  source!: string;

  @Column('text', { name: 'crime_type_id' })
  crimeTypeId!: string;

  @Column('text', { name: 'case_manager', nullable: true })
  caseManager!: string | null;

  @Column('text', { name: 'victim_name' })
  victimName!: string;

  /** As assessed; before the assessment the list reads the proposal (`assessed`, `proposedByAge`, the crime type). */
  @Column('boolean')
  enhanced!: boolean;

  @Column('boolean')
  assessed!: boolean;

  /** The victim was under 18 at the offence: a group proposed whatever the crime type. */
  @Column('boolean', { name: 'proposed_by_age' })
  proposedByAge!: boolean;

  @Column('timestamptz', { name: 'next_contact_due', nullable: true })
  nextContactDue!: Date | null;

  /** On the calendar as it stands once projected: the order of the due list only (items count it again from the two below). */
  @Column('date', { name: 'next_update_due', nullable: true })
  nextUpdateDue!: string | null;

  @Column('date', { name: 'next_update_learned_on', nullable: true })
  nextUpdateLearnedOn!: string | null;

  @Column('boolean', { name: 'next_update_enhanced', nullable: true })
  nextUpdateEnhanced!: boolean | null;

  @Column('boolean', { name: 'unable_to_contact' })
  unableToContact!: boolean;

  /** On the shipped bank holidays, as projected. */
  @Column('int', { name: 'report_to_referral_working_days', nullable: true })
  reportToReferralWorkingDays!: number | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('int')
  revision!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** The journey as the domain's evolve folded it; only a single case's page loads it. */
  @Column('jsonb', { select: false })
  state!: ReceivedReferral;
}
