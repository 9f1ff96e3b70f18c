import { Injectable } from '@nestjs/common';
import { Validate, ValidatorConstraint, type ValidationArguments, type ValidationOptions, type ValidatorConstraintInterface } from 'class-validator';
import type { ListName } from './domain/settings.events.ts';
import { SettingsService } from './settings.service.ts';

/**
 * A body field whose value must be an active entry of a configurable list. Checked with the body's other
 * fields, so one 400 names every failing field, list values among them, with the choices there are.
 */
@ValidatorConstraint({ name: 'inSettingsList', async: true })
@Injectable()
export class InSettingsListConstraint implements ValidatorConstraintInterface {
  constructor(private readonly settings: SettingsService) {}

  async validate(value: unknown, args: ValidationArguments): Promise<boolean> {
    return typeof value === 'string' && (await this.settings.current()).activeIds(listOf(args)).includes(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be from: ${this.settings.latest().activeIds(listOf(args)).join(', ')}`;
  }
}

const listOf = (args: ValidationArguments) => args.constraints[0] as ListName;

/** `each: true` for a list of values, every one from the list. */
export const IsInSettingsList = (list: ListName, options?: ValidationOptions) => Validate(InSettingsListConstraint, [list], options);
