import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { NotifyTemplate } from '../settings/settings.ts';
import { ValidationFailed } from './problem.ts';

const MAX_FIELDS = 20;
/** A Notify placeholder's name, as a template's `((name))` holds it. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_ ]{0,49}$/;
const MAX_VALUE_LENGTH = 2000;

/** GOV.UK Notify's personalisation: the template's placeholders by name, each a short text. */
function isPersonalisation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_FIELDS && entries.every(([name, text]) => FIELD_NAME.test(name) && typeof text === 'string' && text.length <= MAX_VALUE_LENGTH);
}

export const IsPersonalisation = (example: Record<string, string>) =>
  applyDecorators(
    ApiProperty({
      description: `The Notify template's placeholders: up to ${MAX_FIELDS} names, each a text of at most ${MAX_VALUE_LENGTH} characters`,
      type: 'object',
      additionalProperties: { type: 'string' },
      example,
    }),
    ValidateBy({ name: 'isPersonalisation', validator: { validate: isPersonalisation, defaultMessage: () => 'personalisation must map placeholder names to short texts' } }),
  );

/**
 * The template's id, once the personalisation fills in every placeholder the settings say it uses: Notify would
 * refuse the message later, so the API refuses it now, naming each one left out. Null without a template (a rule of its own).
 */
export function templateFilledIn(template: NotifyTemplate | null, personalisation: Record<string, string>): string | null {
  const missing = (template?.placeholders ?? []).filter((name) => !personalisation[name]?.trim());
  if (missing.length > 0) throw new ValidationFailed(missing.map((name) => ({ field: `personalisation.${name}`, message: `personalisation.${name} is used by the template and must be filled in` })));
  return template?.templateId ?? null;
}
