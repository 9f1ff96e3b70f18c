import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import type { TestApp } from '../support/test-app.ts';

/** The console's people pages, in a real Chromium, for users named on a restricted case and users who are not. */
describe('console: people pages leave out restricted cases a viewer is not named on', () => {
  let harness: TestApp;
  let ui: ConsoleBrowser;
  let page: Page;
  let hiddenUrl: string;
  let openUrl: string;

  beforeAll(async () => {
    ui = await startConsoleBrowser();
    ({ harness, page } = ui);
  });

  afterAll(async () => {
    await ui?.close();
  });

  const main = () => page.locator('main').innerText();
  const victimOf = async (url: string) =>
    (await harness.sql<{ subject: string }>(`SELECT data->'victim'->>'subjectId' AS subject FROM events WHERE type = 'ReferralReceived' AND stream LIKE '%' || $1`, [url.split('/').at(-1)]))[0]!.subject;

  it('sets up a referral restricted to cm-named and an open one of the same victim', async () => {
    // Signing in makes each user known, so a supervisor may name them.
    await ui.signInAs('cm-named', 'Case manager');
    await ui.signInAs('cm-other', 'Case manager');
    await ui.signInAs('admin-ada', 'Administrator');
    await ui.signInAs('cm-maker', 'Case manager');
    await ui.newReferral('Hattie Hidewell');
    hiddenUrl = page.url().replace(/\?.*$/, '');
    await ui.newReferral('Hattie Hidewell');
    openUrl = page.url().replace(/\?.*$/, '');

    await ui.signInAs('sup-sid', 'Supervisor');
    await page.goto(`${hiddenUrl}/do/restrict-access`);
    await page.getByLabel('Staff member involved').check();
    await page.getByLabel('User ids named').fill('cm-named');
    await ui.save();
    await expect(main()).resolves.toMatch(/Restricted \(staff member involved\) since .* to sup-sid, cm-named, and auditors/);
  });

  it("shows the restricted case among the open case's possible matches only to someone named on it", async () => {
    await ui.signInAs('cm-named', 'Case manager');
    await page.goto(`${openUrl}/people`);
    await expect(page.getByRole('table', { name: 'Possible matches elsewhere' }).innerText()).resolves.toContain('Victim on a referral');

    await ui.signInAs('cm-other', 'Case manager');
    await page.goto(`${openUrl}/people`);
    await expect(main()).resolves.toContain('No possible match elsewhere.');
    expect((await page.goto(`${hiddenUrl}/people`))?.status()).toBe(404);
    expect((await page.goto(`${hiddenUrl}/people/link-new?subject=${await victimOf(hiddenUrl)}`))?.status()).toBe(200);
    await page.getByLabel('Why (what confirmed it)').fill('Looks like her');
    const [answer] = await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), ui.save()]);
    expect(answer.status()).toBe(404);
    expect(await harness.sql(`SELECT 1 FROM events WHERE stream = $1`, [`person-link-${await victimOf(hiddenUrl)}`])).toEqual([]);
  });

  it("finds only the open case's record for an administrator not named, and decides on only that one", async () => {
    // Both records as one person, linked by someone named on the restricted case.
    await ui.signInAs('cm-named', 'Case manager');
    await page.goto(`${hiddenUrl}/people`);
    await page.getByRole('link', { name: /^Confirm as a new person/ }).click();
    await page.getByLabel('Why (what confirmed it)').fill('Confirmed on intake');
    await ui.save();
    await page.goto(`${openUrl}/people`);
    await page.getByRole('link', { name: /^Same person/ }).click();
    await page.getByLabel('Why (what confirmed it)').fill('Same name');
    await ui.save();
    await expect(main()).resolves.toMatch(/Linked to person [0-9a-f-]{36}/);

    const [hidden, open] = [await victimOf(hiddenUrl), await victimOf(openUrl)];
    await ui.signInAs('admin-ada', 'Administrator');
    await page.getByRole('link', { name: 'Personal data' }).click();
    await page.locator('#q').fill('hattie hidewell');
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.locator('table', { hasText: 'Found' });
    await expect(found.getByRole('link', { name: /erase or restrict this record/ }).count()).resolves.toBe(1);
    await expect(found.getByRole('link', { name: new RegExp(`erase or restrict this record \\(${open}\\)`) }).count()).resolves.toBe(1);
    await expect(page.content()).resolves.not.toContain(hidden);

    await found.getByRole('link', { name: /erase or restrict this person/ }).click();
    await page.getByLabel('Restrict', { exact: true }).check();
    await page.getByLabel('Ground').selectOption('art18-accuracy-contested');
    await page.getByLabel("The office's reference for the request").fill('DSAR-2026-0007');
    await ui.save();
    await expect(main()).resolves.toContain("Recorded: Erase or restrict a person's personal data, on every record of them, except in 1 restricted case you are not named on: someone named on it must decide there");
    const restricted = await harness.sql<{ subject: string }>(`SELECT data->>'subjectId' AS subject FROM events WHERE type = 'ProcessingRestricted' AND data->>'subjectId' = ANY($1::text[])`, [[hidden, open]]);
    expect(restricted).toEqual([{ subject: open }]);
  });
});
