import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot } from '../support/browser.ts';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';

/** The Customer Response Team's, the police officer's, the supervisor's and the auditor's journeys through the console, in a real Chromium. */
describe('console: complaints, supervision and audit in the browser', () => {
  let ui: ConsoleBrowser;
  let page: Page;
  let base: string;
  let complaintUrl: string;

  beforeAll(async () => {
    ui = await startConsoleBrowser();
    ({ page, base } = ui);
  });

  afterAll(async () => {
    await ui?.close();
  });

  const signInAs = (name: string, role: string) => ui.signInAs(name, role);
  const save = () => ui.save();
  // Either the case with its banner or the form with its error summary: a failure then says what the API refused.
  const saved = async (title: string) => {
    await page.locator('.govuk-notification-banner, .govuk-error-summary').first().waitFor();
    expect(await page.locator('main').innerText()).toContain(`Saved: ${title}`);
  };

  it('lets a CRT officer log and triage a complaint, and see what the complainant sees', async () => {
    await signInAs('crt-olu', 'Customer Response Team officer');
    expect(new URL(page.url()).pathname).toBe('/console/complaints');
    await page.getByRole('link', { name: 'Log a complaint' }).click();
    await page.getByRole('group', { name: 'How it arrived' }).getByLabel('Email').check();
    await save();
    await expect(page.locator('#complainant-name-error').innerText()).resolves.toContain('complainant is required');
    await expectAccessible(page);
    await page.getByLabel("Complainant's name").fill('Cora Plaint');
    await page.getByLabel('What the complaint is about').fill('Rude on the phone');
    await page.getByRole('group', { name: 'Who it is about' }).getByLabel('Officer', { exact: true }).check();
    await save();
    await saved('Log a complaint');
    complaintUrl = page.url().replace(/\?.*$/, '');
    await page.getByRole('link', { name: 'Handle outside Schedule 3' }).click();
    await page.getByLabel('Allegation category').selectOption({ index: 1 });
    await page.getByLabel('What is alleged').fill('Spoke rudely');
    await page.getByRole('group', { name: 'Who it is about' }).getByLabel('Officer', { exact: true }).check();
    await save();
    await saved('Handle outside Schedule 3');
    await expectAccessible(page);
    await screenshot(page, 'complaint');
    await page.getByRole('link', { name: "Record the complainant's equality monitoring answers" }).click();
    await page.getByRole('group', { name: 'Gender' }).getByLabel('Prefer not to say').check();
    await page.getByLabel('Date of birth').fill('1985-06-15');
    await save();
    await expect(page.locator('#ethnicity-error').innerText()).resolves.toContain('ethnicity');
    await expectAccessible(page);
    await page.getByLabel('Ethnic group').selectOption('mixed-other');
    await page.getByRole('group', { name: /^Disabled/ }).getByLabel('No', { exact: true }).check();
    await save();
    await saved("Record the complainant's equality monitoring answers");
    await page.getByRole('link', { name: 'What the complainant sees' }).click();
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Your complaint /);
    await expectAccessible(page);
    await screenshot(page, 'complainant-status');
    await page.getByRole('link', { name: 'Complaints due' }).click();
    await expect(page.getByRole('link', { name: /^PCC-|\d/ }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'complaints');
  });

  it('refuses a case manager\'s caseload to a CRT officer', async () => {
    const response = await page.goto(`${base}/console/caseload`);
    expect(response?.status()).toBe(403);
    await expectAccessible(page);
  });

  it('takes a police officer through a Community Resolution from proposal to close', async () => {
    await signInAs('pc-pat', 'Police officer (Community Resolutions)');
    await page.getByRole('link', { name: 'Propose a Community Resolution' }).click();
    await page.getByLabel('Crime reference').fill('CR/2026/0042');
    await page.getByLabel('Offence', { exact: true }).selectOption('criminal-damage');
    await page.getByLabel('Date of the offence').fill('2026-11-02');
    await page.getByLabel("Offender's name").fill('Olly Fender');
    await page.getByLabel("Offender's date of birth").fill('1990-01-01');
    for (const question of ['The evidence is sufficient', 'The offender admits the offence', 'The offender agrees to a Community Resolution', 'The victim was consulted', 'The victim consents']) {
      await page.getByRole('group', { name: question }).getByLabel('Yes').check();
    }
    await page.getByLabel("Victim's name").fill('Vic Tim');
    await page.getByLabel('Why a Community Resolution').fill('First offence, admitted, victim content');
    await save();
    await saved('Propose a Community Resolution');
    await page.getByRole('link', { name: 'Agree a remedy' }).click();
    await page.getByLabel('Remedy', { exact: true }).selectOption('written-apology');
    await page.getByRole('group', { name: 'The victim chose it' }).getByLabel('Yes').check();
    await page.getByLabel('Due by').fill('2027-01-29');
    await save();
    await saved('Agree a remedy');
    await page.getByRole('link', { name: 'completed' }).click();
    await page.getByLabel('Evidence').fill('Letter seen');
    await save();
    await page.getByRole('link', { name: 'Record that the victim was told' }).click();
    await page.getByLabel('Completion').check();
    await page.getByLabel('Letter').check();
    await save();
    await page.getByRole('link', { name: 'Close the Community Resolution' }).click();
    await save();
    await saved('Close the Community Resolution');
    await page.getByRole('link', { name: 'Correct the details of Vic Tim' }).click();
    await page.getByLabel('Contact details').fill('vic@example.org');
    await save();
    await expect(page.locator('#reason-error').isVisible()).resolves.toBe(true);
    await page.getByLabel('Why the record was wrong').fill('Gave an email address at the door');
    await save();
    await saved("Correct a person's details");
    await expectAccessible(page);
    await screenshot(page, 'community-resolution');
    await page.getByRole('link', { name: "Record the offender's equality monitoring answers" }).click();
    await page.getByRole('group', { name: 'Gender' }).getByLabel('Man', { exact: true }).check();
    await page.getByLabel('Ethnic group').selectOption('white-british');
    await page.getByRole('group', { name: /^Disabled/ }).getByLabel('Prefer not to say').check();
    await save();
    await saved("Record the offender's equality monitoring answers");
    await page.getByRole('link', { name: 'Community Resolutions' }).click();
    await expectAccessible(page);
  });

  it('lets a supervisor close and reopen a referral', async () => {
    await signInAs('sup-sam', 'Supervisor');
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByLabel('Self').check();
    await page.getByLabel('Crime type').selectOption('burglary');
    await page.getByLabel("Victim's name").fill('Sid Example');
    await page.getByRole('group', { name: 'The victim agreed to be contacted' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'The victim agreed to their data being shared' }).getByLabel('Yes').check();
    await page.getByLabel('Explicit').check();
    await save();
    await page.getByRole('link', { name: 'Close the case' }).click();
    await page.getByLabel('Reason').selectOption({ label: 'Support completed' });
    await save();
    await saved('Close the case');
    await page.getByRole('link', { name: 'Reopen the case' }).click();
    await expectAccessible(page);
    await page.getByLabel('Why it is reopened').fill('The victim asked for more support');
    await save();
    await saved('Reopen the case');
    await expect(page.locator('h1').innerText()).resolves.not.toContain('Closed');
  });

  it("shows an auditor the access log, filtered, and a case's history, state and verification", async () => {
    await signInAs('aud-ada', 'Auditor');
    expect(new URL(page.url()).pathname).toBe('/console/audit/access-log');
    await page.getByLabel('From (a day, or a time with its offset)').fill('yesterday');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('#from-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('From (a day, or a time with its offset)').fill('');
    await page.getByLabel('User id').fill('crt-olu');
    await page.getByRole('button', { name: 'Filter' }).click();
    const id = complaintUrl.split('/').at(-1)!;
    await page.getByRole('link', { name: `(case ${id})` }).first().click();
    await expect(page.locator('main').innerText()).resolves.toContain('Verified');
    await page.getByLabel('Revision', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Show the state' }).click();
    await expect(page.locator('pre[aria-label="State at revision 0"]').innerText()).resolves.toContain('Cora Plaint');
    await expectAccessible(page);
    await screenshot(page, 'audit-case');
    await page.getByLabel('Revision', { exact: true }).fill('99');
    await page.getByRole('button', { name: 'Show the state' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('The case has no revision 99');
    await page.goto(`${base}/console/audit/access-log?user=crt-olu`);
    await screenshot(page, 'access-log');
  });

  it('shows an administrator the projections, their state and lag', async () => {
    await signInAs('admin-al', 'Administrator');
    expect(new URL(page.url()).pathname).toBe('/console/admin/projections');
    await expect(page.getByRole('button', { name: 'Rebuild referral-list' }).count()).resolves.toBe(1);
    await expectAccessible(page);
  });
});
