import { Global, Module } from '@nestjs/common';
import { CrimeTypeCatalog } from './crime-type-catalog.ts';

@Global()
@Module({ providers: [CrimeTypeCatalog], exports: [CrimeTypeCatalog] })
export class SettingsModule {}
