import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CaseAccessModule } from '../case-access/case-access.module.ts';
import type { AppConfig } from '../config/config.schema.ts';
import { DataSubjectDecisions } from './data-subjects/data-subject-decisions.ts';
import { DataSubjectsController } from './data-subjects/data-subjects.controller.ts';
import { InterruptedErasures } from './data-subjects/interrupted-erasures.ts';
import { ErasureRegister, erasureRegisterPath } from './erasure-register/erasure-register.ts';

const erasureRegister = {
  provide: ErasureRegister,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) =>
    new ErasureRegister(erasureRegisterPath({ ERASURE_REGISTER_PATH: config.get('ERASURE_REGISTER_PATH', { infer: true }), DATA_DIR: config.get('DATA_DIR', { infer: true }) })),
};

@Module({ imports: [CaseAccessModule], controllers: [DataSubjectsController], providers: [InterruptedErasures, erasureRegister, DataSubjectDecisions], exports: [DataSubjectDecisions] })
export class PersonalDataModule {}
