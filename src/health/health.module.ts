import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NotifyModule } from '../notify/notify.module.ts';
import { HealthController } from './health.controller.ts';

@Module({ imports: [TerminusModule, NotifyModule], controllers: [HealthController] })
export class HealthModule {}
