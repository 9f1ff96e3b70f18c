import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_DEMOGRAPHICS_COLUMNS, DROP_DEMOGRAPHICS_COLUMNS } from '../runner/demographics-columns.ts';

/**
 * Equality monitoring (issue 17): the offender's answers and age band at the offence, for the Community
 * Resolutions report's breakdowns only (null where not recorded or erased). The report index carries them, so a
 * period stays an index-only scan. The projection's version 6 fills them.
 */
export class ResolutionListDemographics1763800310100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE resolution_list ${ADD_DEMOGRAPHICS_COLUMNS}`);
    await this.reportIndex(queryRunner, ', gender, ethnicity, disability, age_band');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.reportIndex(queryRunner, '');
    await queryRunner.query(`ALTER TABLE resolution_list ${DROP_DEMOGRAPHICS_COLUMNS}`);
  }

  private async reportIndex(queryRunner: QueryRunner, demographics: string): Promise<void> {
    await queryRunner.query('DROP INDEX resolution_list_report');
    await queryRunner.query(`
      CREATE INDEX resolution_list_report ON resolution_list (proposed_day)
        INCLUDE (offence_type_id, outcome, has_victims, victims_consulted, remedies_overridden,
                 hours_agreed, hours_done, amount_agreed, amount_paid, remedy_types, remedy_chosen, remedy_statuses${demographics})`);
  }
}
