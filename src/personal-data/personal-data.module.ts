import { Module } from '@nestjs/common';
import { DataSubjectsController } from './data-subjects/data-subjects.controller.ts';

@Module({ controllers: [DataSubjectsController] })
export class PersonalDataModule {}
