import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.ts';
import { ChangeNamedPeopleController } from './commands/change-named-people/change-named-people.controller.ts';
import { ChangeRestrictedAccessHandler } from './commands/change-restricted-access/change-restricted-access.handler.ts';
import { RestrictedAccessCommands } from './commands/change-restricted-access/restricted-access-commands.ts';
import { LiftRestrictionController } from './commands/lift-restriction/lift-restriction.controller.ts';
import { RestrictAccessController } from './commands/restrict-access/restrict-access.controller.ts';
import { NeedToKnowInterceptor } from './need-to-know.interceptor.ts';
import { NeedToKnow } from './need-to-know.ts';
import { GetRestrictedAccessController } from './queries/get-restricted-access/get-restricted-access.controller.ts';
import { RestrictedAccessReader } from './restricted-access.reader.ts';

/** Restricted cases: need to know inside a role, enforced for every route that names a case. */
@Module({
  imports: [AuditModule],
  controllers: [RestrictAccessController, ChangeNamedPeopleController, LiftRestrictionController, GetRestrictedAccessController],
  providers: [ChangeRestrictedAccessHandler, RestrictedAccessCommands, RestrictedAccessReader, NeedToKnow, { provide: APP_INTERCEPTOR, useClass: NeedToKnowInterceptor }],
  exports: [RestrictedAccessReader, NeedToKnow],
})
export class CaseAccessModule {}
