/**
 * How two records of one person are recognised despite how they were typed: accents, case, spacing,
 * punctuation and word order in names; spaces and the +44 prefix in UK phone numbers; case in email.
 */
export type MatchField = 'name' | 'dateOfBirth' | 'phone' | 'email';

export interface MatchValue {
  field: MatchField;
  value: string;
}

export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

export const normalisePhone = (phone: string): string => phone.replace(/\D/g, '').replace(/^44(?=\d{10}$)/, '0');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const PHONE = /^[\d\s()+-]{7,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The values a person's record is matched on; empty values (and withheld ones) match nothing. */
export function matchValues(person: { name?: string | null; dateOfBirth?: string | null; phone?: string | null; email?: string | null }): MatchValue[] {
  const values: MatchValue[] = [];
  const add = (field: MatchField, value: string) => value && values.push({ field, value });
  if (person.name) add('name', normaliseName(person.name));
  if (person.dateOfBirth && DATE.test(person.dateOfBirth)) add('dateOfBirth', person.dateOfBirth);
  if (person.phone) add('phone', normalisePhone(person.phone));
  if (person.email) add('email', normaliseEmail(person.email));
  return values;
}

/** A contact typed in one field (as a resolution's victims have) is a phone number or an email address. */
export function contactAsPhoneOrEmail(contact: string | null): { phone?: string; email?: string } {
  if (!contact) return {};
  if (EMAIL.test(contact.trim())) return { email: contact };
  return PHONE.test(contact.trim()) ? { phone: contact } : {};
}

/** What one search term could be: a date of birth, an email address, a phone number, or else a name. */
export function searchValues(term: string): MatchValue[] {
  const trimmed = term.trim();
  if (DATE.test(trimmed)) return matchValues({ dateOfBirth: trimmed });
  if (EMAIL.test(trimmed)) return matchValues({ email: trimmed });
  if (PHONE.test(trimmed)) return matchValues({ phone: trimmed });
  return matchValues({ name: trimmed });
}
