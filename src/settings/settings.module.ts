import { Global, Module } from '@nestjs/common';
import { CrimeTypeCatalog } from './crime-type-catalog.ts';
import { ReferralListsCatalog } from './referral-lists.catalog.ts';

@Global()
@Module({ providers: [CrimeTypeCatalog, ReferralListsCatalog], exports: [CrimeTypeCatalog, ReferralListsCatalog] })
export class SettingsModule {}
