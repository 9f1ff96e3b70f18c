import { Global, Module } from '@nestjs/common';
import { CrimeTypeCatalog } from './crime-type-catalog.ts';
import { ReferralSettings } from './referral-settings.ts';

@Global()
@Module({ providers: [CrimeTypeCatalog, ReferralSettings], exports: [CrimeTypeCatalog, ReferralSettings] })
export class SettingsModule {}
