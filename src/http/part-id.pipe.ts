import { Injectable, type PipeTransform } from '@nestjs/common';
import { UnknownCasePart } from '../shared/domain/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parts of a case (remedies, service referrals...) have UUIDs; anything else names no part, so it is a 404 like an unknown one. */
@Injectable()
export class PartIdPipe implements PipeTransform<string, string> {
  constructor(private readonly part: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new UnknownCasePart(this.part, value);
    return value.toLowerCase();
  }
}
