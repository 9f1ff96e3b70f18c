import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, IsInt, IsString, validate } from 'class-validator';
import { keepValidationRules } from './validation-rules-kept.ts';

class Person {
  @IsString()
  name!: unknown;
}

class Victim extends Person {
  @IsInt()
  age!: unknown;

  @IsString({ groups: ['contact'] })
  phone!: unknown;
}

const failing = async (object: object, groups?: string[]) =>
  (await validate(object, groups ? { groups } : {})).map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join(',')}`).sort();

const victim = () => Object.assign(new Victim(), { name: 1, age: 'x', phone: 2 });

describe('validation rules kept per class', () => {
  it('validates as class-validator does without them: own and inherited rules, groups apart', async () => {
    const before = [await failing(victim()), await failing(victim(), ['contact'])];
    keepValidationRules();
    keepValidationRules();
    expect([await failing(victim()), await failing(victim(), ['contact'])]).toEqual(before);
    expect(before[0]).toEqual(['age:isInt', 'name:isString', 'phone:isString']);
    expect(before[1]).toEqual(['phone:isString']);
  });

  it('answers the same class and options from what it kept, and other options afresh', () => {
    keepValidationRules();
    const lookUp = (groups?: string[]) => getMetadataStorage().getTargetValidationMetadatas(Victim, '', false, false, groups);
    expect(lookUp()).toBe(lookUp());
    expect(lookUp(['contact'])).toBe(lookUp(['contact']));
    expect(lookUp(['contact'])).not.toBe(lookUp());
  });

  it('gives a class defined after its ancestor was validated its own rules and the inherited ones', async () => {
    keepValidationRules();
    await failing(victim());
    class Witness extends Person {
      @IsInt()
      statements!: unknown;
    }
    expect(await failing(Object.assign(new Witness(), { name: 3, statements: 'none' }))).toEqual(['name:isString', 'statements:isInt']);
    expect(await failing(Object.assign(new Person(), { name: 3, statements: 'none' }))).toEqual(['name:isString']);
  });

  it('leaves an object without a prototype to class-validator, whose own lookup refuses it as it did', async () => {
    keepValidationRules();
    await expect(async () => validate(Object.assign(Object.create(null), { name: 3 }))).rejects.toThrow("Cannot read properties of undefined (reading 'prototype')");
  });
});
