import { Module } from '@nestjs/common';
import { DataSubjectsController } from './data-subjects/data-subjects.controller.ts';
import { InterruptedErasures } from './data-subjects/interrupted-erasures.ts';

@Module({ controllers: [DataSubjectsController], providers: [InterruptedErasures] })
export class PersonalDataModule {}
