import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../support/browser.ts';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { bearer, type TestApp } from '../support/test-app.ts';

/** The victim's page of their own, in a real Chromium: readable, accessible, and their message goes back with GOV.UK errors first. */
describe('status page in the browser', () => {
  let harness: TestApp;
  let ui: ConsoleBrowser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ui = await startConsoleBrowser({});
    ({ harness, page, base } = ui);
  });

  afterAll(async () => {
    await ui?.close();
  });

  it('shows the page, refuses an empty message with an error summary linked to the field, then sends one; each page passes axe', async () => {
    const caseManager = await bearer(['case_manager'], 'cm-priya');
    const post = async (url: string, payload: object, status = 200) => {
      const response = await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } });
      expect(response.statusCode).toBe(status);
      return response.json();
    };
    const { id } = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Bea Browser' }, consent: { contact: true, dataSharing: true, basis: 'explicit' } }, 201);
    const { url } = await post(`/api/referrals/${id}/status-link`, { validForDays: 14, contactFirstName: 'Priya', team: 'Beacon north' });

    await page.goto(`${base}${url}`);
    expect(await page.locator('h1').innerText()).toBe('Your support from the victim care centre');
    expect(await page.locator('main').innerText()).toContain('Priya, Beacon north');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.getByRole('link', { name: 'Enter your message' }).getAttribute('href')).toBe('#message');
    await expectAccessible(page);

    await page.getByLabel('Your message').fill('Please write rather than ring');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('.govuk-notification-banner').waitFor();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Your message was sent to Priya');
    await expectAccessible(page);

    await post(`/api/referrals/${id}/status-link/revoke`, {});
    await page.goto(`${base}${url}`);
    expect(await page.locator('h1').innerText()).toBe('This link no longer works');
    await expectAccessible(page);
  });
});
