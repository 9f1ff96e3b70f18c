import type { Random } from './random.ts';

/**
 * Invented people: common first names and surnames, streets in no particular town, and phone numbers from
 * Ofcom's range reserved for drama (07700 900000–900999), so no demo record reaches a real person.
 */
const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Faisal', 'Grace', 'Harry', 'Isla', 'Jack', 'Kiran', 'Leah', 'Mohammed', 'Niamh', 'Oliver', 'Priya', 'Ryan', 'Sophie', 'Tom', 'Zara'];
const SURNAMES = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Green', 'Hughes', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Patel', 'Roberts', 'Smith', 'Taylor', 'Walker', 'Williams', 'Wilson', 'Wright', 'Young'];
const STREETS = ['Mill Lane', 'Church Street', 'Station Road', 'Park Avenue', 'Victoria Road', 'High Street', 'Orchard Close', 'Queens Road'];

export interface Person {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export function inventPerson(random: Random): Person {
  const [first, last] = [random.pick(FIRST_NAMES), random.pick(SURNAMES)];
  return {
    name: `${first} ${last}`,
    phone: `07700 900${String(random.int(0, 999)).padStart(3, '0')}`,
    email: `${first}.${last}${random.int(1, 99)}@example.org`.toLowerCase(),
    address: `${random.int(1, 120)} ${random.pick(STREETS)}, Exampleton EX${random.int(1, 9)} ${random.int(1, 9)}AB`,
  };
}

/** A date of birth making the person `age` on `onDate` (YYYY-MM-DD). */
export function dateOfBirthFor(random: Random, age: number, onDate: string): string {
  const year = Number(onDate.slice(0, 4)) - age - 1;
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}
