import { Injectable, type PipeTransform } from '@nestjs/common';
import { CaseNotFound } from '../command-pipeline/command-pipeline.errors.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Case ids are UUIDs; anything else cannot name a case, so it is a 404 like any unknown id. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new CaseNotFound(value);
    return value.toLowerCase();
  }
}
