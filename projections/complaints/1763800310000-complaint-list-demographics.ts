import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_DEMOGRAPHICS_COLUMNS, DROP_DEMOGRAPHICS_COLUMNS } from '../runner/demographics-columns.ts';

/**
 * Equality monitoring (issue 17): the complainant's answers and age band, for the complaints report's breakdowns
 * only (null where not recorded or erased). The report index carries them, so a period stays an index-only scan.
 * The projection's version 8 fills them.
 */
export class ComplaintListDemographics1763800310000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint_list ${ADD_DEMOGRAPHICS_COLUMNS}`);
    await this.reportIndex(queryRunner, ', gender, ethnicity, disability, age_band');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.reportIndex(queryRunner, '');
    await queryRunner.query(`ALTER TABLE complaint_list ${DROP_DEMOGRAPHICS_COLUMNS}`);
  }

  private async reportIndex(queryRunner: QueryRunner, demographics: string): Promise<void> {
    await queryRunner.query('DROP INDEX complaint_list_report');
    await queryRunner.query(`
      CREATE INDEX complaint_list_report ON complaint_list (received_day)
        INCLUDE (recording_reason, handled_outside_schedule_3, withdrawn, contact_working_days, finalised_day,
                 review_body, review_decided, review_upheld, allegation_categories${demographics})`);
  }
}
