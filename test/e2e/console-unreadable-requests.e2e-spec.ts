import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('console: a request whose body cannot be read', () => {
  let harness: TestApp;

  beforeAll(async () => {
    harness = await startTestApp();
  });
  afterAll(() => harness.close());

  const send = (contentType: string, payload: string) => harness.request({ method: 'POST', url: '/console/sign-out', payload, headers: { 'content-type': contentType } });

  it.each([
    ['JSON that does not parse', 'application/json', '{"a":', 400],
    ['a type no parser reads', 'text/csv', 'a,b', 415],
    ['a form larger than a form may be', 'application/x-www-form-urlencoded', `note=${'x'.repeat(70 * 1024)}`, 413],
  ])('answers %s with its own 4xx page, not a fault of the service', async (_name, contentType, payload, status) => {
    const response = await send(contentType, payload);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('The request could not be read');
    expect(response.body).not.toContain('there is a problem with the service');
  });
});
