import { Injectable } from '@nestjs/common';
import { DEFAULT_CRIME_TYPES, type CrimeType } from './crime-types.ts';

/** The crime types case managers may choose from; the victim-journey issue makes the list editable by an administrator. */
@Injectable()
export class CrimeTypeCatalog {
  readonly types: readonly CrimeType[] = DEFAULT_CRIME_TYPES;

  find(id: string): CrimeType | undefined {
    return this.types.find((type) => type.id === id);
  }

  get ids(): string[] {
    return this.types.map((type) => type.id);
  }
}
