import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.ts';
import { SettingsModule } from '../settings/settings.module.ts';
import { ChangeLegalHoldHandler } from './commands/legal-hold/change-legal-hold.handler.ts';
import { LegalHoldController } from './commands/legal-hold/legal-hold.controller.ts';
import { DisposalsDueController } from './queries/disposals-due/disposals-due.controller.ts';
import { LegalHoldsController } from './queries/legal-holds/legal-holds.controller.ts';

/** Retention and disposal: legal holds on cases (and the list of those held), and the review list of cases due for disposal. */
@Module({
  imports: [AuditModule, SettingsModule],
  controllers: [LegalHoldController, DisposalsDueController, LegalHoldsController],
  providers: [ChangeLegalHoldHandler],
})
export class RetentionModule {}
