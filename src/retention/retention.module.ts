import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.ts';
import { ChangeLegalHoldHandler } from './commands/legal-hold/change-legal-hold.handler.ts';
import { LegalHoldController } from './commands/legal-hold/legal-hold.controller.ts';

/** Retention and disposal: legal holds on cases. */
@Module({
  imports: [AuditModule],
  controllers: [LegalHoldController],
  providers: [ChangeLegalHoldHandler],
})
export class RetentionModule {}
