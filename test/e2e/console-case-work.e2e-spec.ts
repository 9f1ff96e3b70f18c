import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium, screenshot } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** The console in a real Chromium, signed in through the development sign-in (the service's own generated secret). */
describe('console: case work in the browser', () => {
  let harness: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let caseUrl: string;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startTestApp({ AUTH_JWT_SECRET: undefined }), launchChromium()]);
    base = await harness.app.getUrl();
    context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const signIn = async (name: string, role: string) => {
    await page.goto(`${base}/console`);
    await page.getByLabel('Your user id').fill(name);
    await page.getByLabel(role, { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  };

  it('sends a visitor to sign in, says the development sign-in is for development, and names what is missing', async () => {
    await page.goto(`${base}/console/caseload`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect(page.getByText('anyone can sign in here as anyone').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Select your role');
    await expect(page.locator('#name-error').innerText()).resolves.toContain('Enter your user id');
    await expectAccessible(page);
  });

  it('takes a new referral, showing the API\'s validation messages beside the fields', async () => {
    await signIn('cm-ann', 'Case manager');
    expect(new URL(page.url()).pathname).toBe('/console/caseload');

    await expectAccessible(page);
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByLabel('Self').check();
    await page.getByLabel('Crime type').selectOption('burglary');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('#victim-name-error').innerText()).toContain('victim is required');
    expect(await page.locator('.govuk-error-summary a[href="#victim-name"]').count()).toBe(1);
    expect(await page.locator('#consent-contact-error').innerText()).toContain('consent is required');
    await expectAccessible(page);
    await page.getByLabel("Victim's name").fill('Ann Example');
    await page.getByRole('group', { name: 'The victim agreed to be contacted' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'The victim agreed to their data being shared' }).getByLabel('No').check();
    await page.getByLabel('Explicit').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Saved: Receive a referral');
    await expect(page.locator('h1').innerText()).resolves.toContain('Ann Example');
    caseUrl = page.url().replace(/\?.*$/, '');
  });

  it('picks up an unassigned referral and shows it in the caseload, due first', async () => {
    await page.getByRole('link', { name: 'Unassigned referrals' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ann Example' }).click();
    await page.getByRole('link', { name: 'Assign a case manager' }).click();
    await page.getByLabel("Case manager's user id").fill('cm-ann');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Agree the contact contract' }).click();
    await page.getByLabel('Weekly').check();
    await page.getByLabel('Phone').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Saved');
    await expectAccessible(page);
    await screenshot(page, 'case');
    await page.getByRole('link', { name: 'My caseload' }).click();
    await expect(page.getByRole('link', { name: 'Ann Example' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'caseload');
  });

  it('refuses a stale form with "this case changed while you were editing"', async () => {
    await page.goto(`${caseUrl}/do/contacts`);
    const other = await context.newPage();
    await other.goto(`${caseUrl}/do/personal-statement`);
    await other.getByLabel('Offered').check();
    await other.getByRole('button', { name: 'Save' }).click();
    // Closed only once its navigation has ended: Chromium can drop a close that races a navigation's commit, and
    // Playwright's page.close() then waits for ever (microsoft/playwright#42366, #41900).
    await other.waitForURL(/[?&]done=personal-statement&/);
    await other.close();
    await page.getByLabel('Made', { exact: true }).check();
    await page.getByLabel('Phone').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('This case changed while you were editing');
    await expectAccessible(page);
    // Submitted again, having seen the change, it is recorded.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Saved: Record a contact');
  });

  it('shows the forbidden page to a role the command is not for', async () => {
    const response = await page.goto(`${caseUrl}/do/reopen`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('h1').innerText()).resolves.toBe('You do not have permission to see this');
    await expectAccessible(page);
  });

  it('writes every case page it shows to the access log, as the API does', async () => {
    const id = caseUrl.split('/').at(-1);
    const reads = await harness.sql(`SELECT count(*)::int AS n FROM events WHERE type = 'CaseAccessed' AND data->'caseIds' ? $1 AND data->>'user' = 'cm-ann'`, [id]);
    expect(reads[0].n).toBeGreaterThanOrEqual(5);
  });
});
