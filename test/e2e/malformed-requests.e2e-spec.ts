import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** Requests refused before any route sees them still get problem+json, with nothing of the request echoed. */
describe('requests Fastify or Node refuse before routing (real app)', () => {
  let harness: TestApp;

  beforeAll(async () => {
    harness = await startTestApp();
  });
  afterAll(() => harness.close());

  const expectProblem = (response: { statusCode: number; headers: Record<string, string>; body: string }, status: number, type: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(response.body)).toEqual({ type, title: expect.any(String), status, detail: expect.any(String) });
  };

  it('answers an over-long path parameter with 414 problem+json', async () => {
    const segment = 'x'.repeat(500);
    const response = await harness.request({ method: 'GET', url: `/api/referrals/${segment}` });
    expectProblem(response, 414, '/problems/uri-too-long');
    expect(response.body).not.toContain(segment);
  });

  it('answers a URL that cannot be decoded with 400 problem+json', async () => {
    const response = await harness.request({ method: 'GET', url: '/api/referrals/%E0%A4%A' });
    expectProblem(response, 400, '/problems/malformed-request');
    expect(response.body).not.toContain('%E0');
  });

  it('answers oversized headers with 431 problem+json', async () => {
    const response = await rawRequest(harness, `GET /api/health/live HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectProblem(response, 431, '/problems/headers-too-large');
  });

  it('answers malformed HTTP with 400 problem+json', async () => {
    const response = await rawRequest(harness, 'GET /api/health/live HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n');
    expectProblem(response, 400, '/problems/malformed-request');
  });
});

/** Bytes fetch would refuse to send, written to the socket; the server closes it after answering. */
async function rawRequest(harness: TestApp, bytes: string) {
  const { port } = new URL(await harness.app.getUrl());
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(bytes);
  let received = '';
  for await (const chunk of socket) received += String(chunk);
  const [head = '', body = ''] = received.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
  }));
  return { statusCode: Number(statusLine.split(' ')[1]), headers, body };
}
