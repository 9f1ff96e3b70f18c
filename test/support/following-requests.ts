import { expect } from '@jest/globals';
import type { TestApp, TestResponse } from './test-app.ts';

/**
 * Requests that read their own writes: each sends the position the last successful command returned as
 * `X-Min-Position`, so a read after a command waits for the read models to hold it.
 */
export function followingRequests(harness: TestApp) {
  let lastPosition = '0';
  return async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object): Promise<TestResponse> => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
}

/** The response's body, once its status is the one expected (the body shows in the failure otherwise). */
export function ok(response: TestResponse, status = 200) {
  expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
  return response.json();
}

/** A response's status and the fields its problem names, to compare in one assertion. */
export const fieldsOf = (response: TestResponse) => ({ status: response.statusCode, fields: (response.json().errors ?? []).map((error: { field: string }) => error.field) });
