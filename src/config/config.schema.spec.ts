import { describe, expect, it } from '@jest/globals';
import { InvalidConfig, parseConfig } from './config.schema.ts';

describe('parseConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_MAX_TOKEN_AGE).toBe(8 * 3600);
  });

  it('reads the maximum token age as a duration, from a minute to a week', () => {
    expect(parseConfig({ AUTH_MAX_TOKEN_AGE: '90m' }).AUTH_MAX_TOKEN_AGE).toBe(90 * 60);
    expect(parseConfig({ AUTH_MAX_TOKEN_AGE: '3600s' }).AUTH_MAX_TOKEN_AGE).toBe(3600);
    for (const value of ['100y', '8d', '30s', '8', 'for ever']) {
      expect(() => parseConfig({ AUTH_MAX_TOKEN_AGE: value })).toThrow(/^Invalid configuration: AUTH_MAX_TOKEN_AGE must be a duration from 1m to 7d/);
    }
  });

  it('names the variable in one line when a value is bad', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(InvalidConfig);
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/^Invalid configuration: PORT [^\n]+$/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => parseConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters/);
  });

  it('takes the trusted proxies as addresses and CIDR ranges, and nothing else', () => {
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1,::1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.0.2.1', '::1']);
    expect(parseConfig({}).TRUST_PROXY).toBeUndefined();
    for (const value of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '']) {
      expect(() => parseConfig({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY must be IP addresses or CIDR ranges, comma-separated$/);
    }
  });

  it('takes database timeouts in milliseconds, the answer timeout longer than the statement timeout', () => {
    expect(parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: '1500', DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_QUERY_TIMEOUT_MS: '2500' })).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 1500,
      DATABASE_STATEMENT_TIMEOUT_MS: 2000,
      DATABASE_QUERY_TIMEOUT_MS: 2500,
    });
    expect(() => parseConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/^Invalid configuration: DATABASE_CONNECT_TIMEOUT_MS /);
    expect(() => parseConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '8000' })).toThrow(/^Invalid configuration: DATABASE_QUERY_TIMEOUT_MS must be longer than DATABASE_STATEMENT_TIMEOUT_MS$/);
  });

  it('takes secret files only from outside DATA_DIR, and not beside the value itself', () => {
    expect(parseConfig({ DATA_DIR: '/srv/casework/data', MASTER_KEY_FILE: '/run/secrets/master-key' }).MASTER_KEY_FILE).toBe('/run/secrets/master-key');
    expect(() => parseConfig({ DATA_DIR: '/srv/casework/data', MASTER_KEY_FILE: '/srv/casework/data/keys/master-key' })).toThrow(/^Invalid configuration: MASTER_KEY_FILE must be outside DATA_DIR/);
    expect(() => parseConfig({ DATA_DIR: './.data', AUTH_JWT_SECRET_FILE: '.data/jwt' })).toThrow(/^Invalid configuration: AUTH_JWT_SECRET_FILE must be outside DATA_DIR/);
    expect(parseConfig({ DATA_DIR: '/srv/data', AUTH_JWT_SECRET_FILE: '/srv/data-secrets/jwt' }).AUTH_JWT_SECRET_FILE).toBe('/srv/data-secrets/jwt');
    expect(() => parseConfig({ MASTER_KEY: Buffer.alloc(32).toString('base64'), MASTER_KEY_FILE: '/run/secrets/master-key' })).toThrow(/MASTER_KEY_FILE and MASTER_KEY are both set/);
  });
});
