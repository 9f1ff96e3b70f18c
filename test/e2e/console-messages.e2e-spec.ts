import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../support/browser.ts';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';

/** A Notify template's placeholders, as an administrator configures them, make the message's form in the consoleBrowser. */
describe('consoleBrowser: Notify messages that follow their template', () => {
  let consoleBrowser: ConsoleBrowser;
  let page: Page;

  beforeAll(async () => {
    consoleBrowser = await startConsoleBrowser();
    page = consoleBrowser.page;
  });
  afterAll(() => consoleBrowser?.close());

  const signInAs = (name: string, role: string) => consoleBrowser.signInAs(name, role);
  const save = () => consoleBrowser.save();

  it("asks for the configured template's own placeholders, each required, once the channel is chosen", async () => {
    await signInAs('admin-ada', 'Administrator');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Notify templates' }).click();
    await page.getByRole('link', { name: 'Add or relabel an entry' }).click();
    await page.getByLabel('Id', { exact: true }).fill('progress-update-email');
    await page.getByLabel('Label').fill('Progress update by email');
    await page.getByLabel('GOV.UK Notify template id').fill('f33517ff-2a88-4f6e-b855-c550268ce08a');
    await page.getByLabel('Placeholders the template uses').fill('first_name, next_step');
    await save();
    await expect(page.locator('main').innerText()).resolves.toContain('Progress update by email (placeholders: first_name, next_step)');

    await signInAs('crt-olu', 'Customer Response Team officer');
    await consoleBrowser.logComplaint('Cora Plaint', 'cora@example.org');
    await page.getByRole('link', { name: 'Handle outside Schedule 3' }).click();
    await page.getByLabel('Allegation category').selectOption({ index: 1 });
    await page.getByLabel('What is alleged').fill('No call back');
    await page.getByRole('group', { name: 'Who it is about' }).getByLabel('Officer', { exact: true }).check();
    await save();

    await page.getByRole('link', { name: 'Send the complainant an update' }).click();
    expect(await page.getByLabel('What the update tells them, for the record').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#channel-error').innerText()).resolves.toContain('Select how');
    await expectAccessible(page);
    await page.getByLabel('Email').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What the update tells them, for the record').fill('We have asked the station to call you');
    await page.getByLabel('First name').fill('Cora');
    await save();
    await expect(page.locator('#personalisation-next_step-error').innerText()).resolves.toContain('personalisation.next_step is used by the template');
    expect(await page.locator('.govuk-error-summary a[href="#personalisation-next_step"]').count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Next step').fill('The station will call you this week');
    await save();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Saved: Send the complainant an update');
    expect(await consoleBrowser.harness.sql("SELECT 1 FROM events WHERE type = 'ComplainantMessageQueued'")).toHaveLength(1);
  });
});
