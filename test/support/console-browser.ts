import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** The service with its development sign-in and a Chromium to drive its console: one per test file. */
export interface ConsoleBrowser {
  harness: TestApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  base: string;
  /** Signs out whoever is signed in, then signs in with this user id and role. */
  signInAs(name: string, role: string): Promise<void>;
  save(): Promise<void>;
  /** Takes a self-referral of a burglary from the console, with consent; the page is then the referral's. */
  newReferral(victimName: string): Promise<void>;
  /** Logs a complaint about an officer, arrived by email, from the console; the page is then the complaint's. */
  logComplaint(complainantName: string, email?: string): Promise<void>;
  close(): Promise<void>;
}

/** By default without AUTH_JWT_SECRET: the service signs its own tokens, which is when the development sign-in is offered. */
export async function startConsoleBrowser(env: Record<string, string | undefined> = { AUTH_JWT_SECRET: undefined }): Promise<ConsoleBrowser> {
  const [harness, browser] = await Promise.all([startTestApp(env), launchChromium()]);
  const base = await harness.app.getUrl();
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return {
    harness,
    browser,
    context,
    page,
    base,
    async signInAs(name, role) {
      if (await page.getByRole('button', { name: 'Sign out' }).count()) await page.getByRole('button', { name: 'Sign out' }).click();
      else await page.goto(`${base}/console/sign-in`);
      await page.getByLabel('Your user id').fill(name);
      await page.getByLabel(role, { exact: true }).check();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    },
    save: () => page.getByRole('button', { name: 'Save' }).click(),
    async newReferral(victimName) {
      await page.getByRole('link', { name: 'New referral' }).click();
      await page.getByLabel('Self').check();
      await page.getByLabel('Crime type').selectOption('burglary');
      await page.getByLabel("Victim's name").fill(victimName);
      await page.getByRole('group', { name: 'The victim agreed to be contacted' }).getByLabel('Yes').check();
      await page.getByRole('group', { name: 'The victim agreed to their data being shared' }).getByLabel('Yes').check();
      await page.getByLabel('Explicit').check();
      await page.getByRole('button', { name: 'Save' }).click();
    },
    async logComplaint(complainantName, email) {
      await page.getByRole('link', { name: 'Log a complaint' }).click();
      await page.getByRole('group', { name: 'How it arrived' }).getByLabel('Email').check();
      await page.getByLabel("Complainant's name").fill(complainantName);
      if (email) await page.locator('#complainant-email').fill(email);
      await page.getByLabel('What the complaint is about').fill('Nobody called back');
      await page.getByRole('group', { name: 'Who it is about' }).getByLabel('Officer', { exact: true }).check();
      await page.getByRole('button', { name: 'Save' }).click();
    },
    async close() {
      await browser.close();
      await harness.close();
    },
  };
}
