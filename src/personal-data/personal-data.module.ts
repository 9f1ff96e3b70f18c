import { Module } from '@nestjs/common';
import { DataSubjectDecisions } from './data-subjects/data-subject-decisions.ts';
import { DataSubjectsController } from './data-subjects/data-subjects.controller.ts';
import { InterruptedErasures } from './data-subjects/interrupted-erasures.ts';

@Module({ controllers: [DataSubjectsController], providers: [InterruptedErasures, DataSubjectDecisions], exports: [DataSubjectDecisions] })
export class PersonalDataModule {}
