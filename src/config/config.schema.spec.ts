import { describe, expect, it } from '@jest/globals';
import { InvalidConfig, parseConfig } from './config.schema.ts';

describe('parseConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names the variable in one line when a value is bad', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(InvalidConfig);
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT [^\n]+$/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => parseConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters/);
  });
});
