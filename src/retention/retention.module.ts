import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.ts';
import { PersonalDataModule } from '../personal-data/personal-data.module.ts';
import { SettingsModule } from '../settings/settings.module.ts';
import { DisposeCasesController } from './commands/dispose-cases/dispose-cases.controller.ts';
import { DisposeCasesHandler } from './commands/dispose-cases/dispose-cases.handler.ts';
import { ChangeLegalHoldHandler } from './commands/legal-hold/change-legal-hold.handler.ts';
import { LegalHoldController } from './commands/legal-hold/legal-hold.controller.ts';
import { DisposalCertificatesController } from './queries/disposal-certificates/disposal-certificates.controller.ts';
import { DisposalReview } from './queries/disposals-due/disposal-review.ts';
import { DisposalsDueController } from './queries/disposals-due/disposals-due.controller.ts';
import { LegalHoldsController } from './queries/legal-holds/legal-holds.controller.ts';

/** Retention and disposal: legal holds on cases (and the list of those held), the review list of cases due for disposal, disposal and its certificates. */
@Module({
  imports: [AuditModule, SettingsModule, PersonalDataModule],
  controllers: [LegalHoldController, DisposalsDueController, LegalHoldsController, DisposeCasesController, DisposalCertificatesController],
  providers: [ChangeLegalHoldHandler, DisposalReview, DisposeCasesHandler],
})
export class RetentionModule {}
