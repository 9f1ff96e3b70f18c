import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read side of the dip-samples projection (table from migrations; rows written only by the projector). */
@Entity({ name: 'dip_samples' })
export class DipSampleEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  seed!: string;

  /** Calendar dates in England, kept as text so no time zone shifts them. */
  @Column('date', { name: 'from_day' })
  fromDay!: string;

  @Column('date', { name: 'to_day' })
  toDay!: string;

  @Column('int')
  size!: number;

  @Column('int', { name: 'population_size' })
  populationSize!: number;

  /** In the order drawn. */
  @Column('uuid', { name: 'complaint_ids', array: true })
  complaintIds!: string[];

  @Column('timestamptz', { name: 'drawn_at' })
  drawnAt!: Date;

  @Column('text', { name: 'drawn_by' })
  drawnBy!: string;

  /** Decimal, as positions are everywhere in the API; null for draws made before it was recorded. */
  @Column('bigint', { name: 'read_at_position', nullable: true })
  readAtPosition!: string | null;
}
