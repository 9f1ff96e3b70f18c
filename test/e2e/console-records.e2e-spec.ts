import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot } from '../support/browser.ts';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import type { TestApp } from '../support/test-app.ts';

/** Notes, corrections, consent, need-to-know and legal holds on a case, and the administrator's settings, disposals and erasure, in a real Chromium. */
describe('console: keeping records right, and administering them, in the browser', () => {
  let harness: TestApp;
  let ui: ConsoleBrowser;
  let page: Page;
  let referralUrl: string;

  beforeAll(async () => {
    ui = await startConsoleBrowser();
    ({ harness, page } = ui);
  });

  afterAll(async () => {
    await ui?.close();
  });

  const signInAs = (name: string, role: string) => ui.signInAs(name, role);
  const save = () => ui.save();
  const banner = async () => {
    await page.locator('.govuk-notification-banner, .govuk-error-summary').first().waitFor();
    return page.locator('main').innerText();
  };
  const errorSummary = () => page.locator('.govuk-error-summary').innerText();

  it("lets a case manager add a note, correct the victim's details and record consent withdrawn", async () => {
    await signInAs('cm-cat', 'Case manager');
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByLabel('Self').check();
    await page.getByLabel('Crime type').selectOption('burglary');
    await page.getByLabel("Victim's name").fill('Vera Example');
    await page.getByLabel('Phone').fill('07700 900111');
    await page.getByRole('group', { name: 'The victim agreed to be contacted' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'The victim agreed to their data being shared' }).getByLabel('Yes').check();
    await page.getByLabel('Explicit').check();
    await save();
    await expect(banner()).resolves.toContain('Saved: Receive a referral');
    referralUrl = page.url().replace(/\?.*$/, '');

    await page.getByRole('link', { name: 'Add a note' }).click();
    await page.getByLabel('Note').fill('Called back as agreed');
    await save();
    await expect(banner()).resolves.toContain('Saved: Add a note');

    await page.getByRole('link', { name: "Correct the victim's details" }).click();
    await page.getByLabel('Phone').fill('07700 900222');
    await save();
    await expect(errorSummary()).resolves.toContain('reason');
    await expect(page.locator('#reason-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Why the record was wrong').fill('Gave a new number on the phone');
    await save();
    await expect(banner()).resolves.toContain("Saved: Correct the victim's details");
    await expect(page.locator('main').innerText()).resolves.toContain('07700 900222');

    await page.getByRole('link', { name: 'Record that the victim withdrew consent' }).click();
    await page.getByRole('group', { name: 'Consent to' }).getByLabel('Contact').check();
    await page.getByLabel('What the victim said, and how').fill('Asked not to be called for now');
    await save();
    await expect(banner()).resolves.toContain('Saved: Record that the victim withdrew consent');
    await expect(page.locator('main').innerText()).resolves.toContain('Contact: no');
    await page.getByRole('link', { name: 'Record that the victim withdrew consent' }).click();
    await page.getByRole('group', { name: 'Consent to' }).getByLabel('Contact').check();
    await page.getByLabel('What the victim said, and how').fill('Said it again');
    await save();
    await expect(errorSummary()).resolves.toContain('there is nothing to withdraw');
    await expectAccessible(page);
  });

  it("links the case's victim to a person, and undoes a wrong link", async () => {
    await page.goto(referralUrl);
    await page.getByRole('link', { name: 'People on this case' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Not linked to a person yet');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Confirm as a new person/ }).click();
    await save();
    await expect(page.locator('#reason-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Why (what confirmed it)').fill('Confirmed on intake');
    await save();
    await expect(banner()).resolves.toContain('Saved: Confirm as a new person');
    await expect(page.locator('main').innerText()).resolves.toMatch(/Linked to person [0-9a-f-]{36}/);
    await page.getByRole('link', { name: /^Unlink/ }).click();
    await page.getByLabel('Why (what confirmed it)').fill('Recorded against the wrong person');
    await save();
    await expect(banner()).resolves.toContain('Saved: Unlink from the person');
    await expect(page.locator('main').innerText()).resolves.toContain('Not linked to a person yet');
  });

  it('refuses the supervisor-only decisions to a case manager with the forbidden page', async () => {
    const response = await page.goto(`${referralUrl}/do/legal-hold`);
    expect(response?.status()).toBe(403);
    await expectAccessible(page);
  });

  it('lets a supervisor hold the case from disposal, restrict it to the people who need to know and lift that', async () => {
    await signInAs('sup-sid', 'Supervisor');
    await page.goto(referralUrl);
    await page.getByRole('link', { name: 'Place a legal hold' }).click();
    await page.getByLabel('Litigation').check();
    await expectAccessible(page);
    await save();
    await expect(banner()).resolves.toContain('Saved: Place a legal hold');
    await page.getByRole('link', { name: 'Place a legal hold' }).click();
    await page.getByLabel('Litigation').check();
    await save();
    await expect(errorSummary()).resolves.toContain('already under a legal hold');

    await page.goto(`${referralUrl}/do/restrict-access`);
    await page.getByLabel('Staff member involved').check();
    await page.getByLabel('User ids named').fill('cm-cat, nobody-here');
    await save();
    await expect(page.locator('#users-error').innerText()).resolves.toContain('known user');
    await expectAccessible(page);
    await page.getByLabel('User ids named').fill('cm-cat');
    await save();
    await expect(banner()).resolves.toContain('Saved: Restrict who may see the case');
    await expect(page.locator('main').innerText()).resolves.toMatch(/Restricted \(staff member involved\) since .* to sup-sid, cm-cat, and auditors/);
    await expect(page.getByRole('link', { name: 'Restrict who may see the case' }).count()).resolves.toBe(0);
    const restrictions = await harness.sql(`SELECT data->'users' AS users FROM events WHERE type = 'CaseAccessRestricted' AND stream LIKE '%' || $1`, [referralUrl.split('/').at(-1)]);
    // The supervisor restricting it is named with those they named.
    expect(restrictions).toEqual([{ users: ['sup-sid', 'cm-cat'] }]);
    await page.getByRole('link', { name: 'Lift the restriction' }).click();
    await page.getByLabel('No longer needed').check();
    await save();
    await expect(banner()).resolves.toContain('Saved: Lift the restriction');
    await expect(page.locator('main').innerText()).resolves.toContain('Everyone whose role allows it.');
    await expectAccessible(page);
  });

  it("shows a CRT officer the API's messages beside a repetitive complaint's reference and an update's channel", async () => {
    await signInAs('crt-cy', 'Customer Response Team officer');
    await page.getByRole('link', { name: 'Log a complaint' }).click();
    await page.getByRole('group', { name: 'How it arrived' }).getByLabel('Email').check();
    await page.getByLabel("Complainant's name").fill('Rita Peat');
    await page.getByLabel('What the complaint is about').fill('The same as last month');
    await page.getByRole('group', { name: 'Who it is about' }).getByLabel('Officer', { exact: true }).check();
    await save();
    await expect(banner()).resolves.toContain('Saved: Log a complaint');
    await page.getByRole('link', { name: 'Discontinue as repetitive' }).click();
    await page.getByLabel('The earlier complaint it repeats (its id)').fill('last month');
    await page.getByLabel('Why there is no fresh evidence').fill('Nothing new since the earlier complaint');
    await save();
    await expect(page.locator('#earlierComplaintId-error').innerText()).resolves.toContain('earlierComplaintId');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('link', { name: 'Send the complainant an update' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#channel-error').innerText()).resolves.toContain('Select how');
    await expectAccessible(page);
    await page.getByLabel('Email').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What the update tells them, for the record').fill('The officer has been spoken to');
    await save();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Progress updates are due once handling has started');
    await expectAccessible(page);
  });

  it('lets an administrator change a configurable list, see the disposals due and holds, find a data subject and erase them after checking', async () => {
    await signInAs('admin-ada', 'Administrator');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expectAccessible(page);
    await screenshot(page, 'settings');
    await page.getByRole('link', { name: 'Decline reasons' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add or relabel an entry' }).click();
    await page.getByLabel('Id', { exact: true }).fill('Moved Away');
    await page.getByLabel('Label').fill('Moved out of the area');
    await save();
    await expect(page.locator('#id-error').innerText()).resolves.toContain('lowercase words joined by hyphens');
    await expectAccessible(page);
    await page.getByLabel('Id', { exact: true }).fill('moved-away');
    await save();
    await expect(banner()).resolves.toContain('Saved: Add or relabel: Decline reasons');
    await page.getByRole('button', { name: 'Retire Moved out of the area' }).click();
    await expect(banner()).resolves.toContain('moved-away retired');
    await expect(page.getByRole('row', { name: /moved-away/ }).innerText()).resolves.toMatch(/Moved out of the area\s+Retired/);

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Set a retention period' }).click();
    await page.getByLabel('Referral').check();
    await page.getByLabel('Months kept after closure').fill('0');
    await save();
    await expect(page.locator('#months-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Months kept after closure').fill('84');
    await save();
    await expect(banner()).resolves.toContain('Saved: Set a retention period');
    await expect(page.getByRole('row', { name: /^Referral\s+Any other/ }).innerText()).resolves.toMatch(/84$/);

    await page.getByRole('link', { name: 'Disposals due' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Disposals due');
    // The supervisor's hold on the referral, placed in the browser above.
    await expect(page.getByRole('row', { name: new RegExp(referralUrl.split('/').at(-1)!) }).innerText()).resolves.toMatch(/Litigation\s+.+\s+sup-sid/);
    await expectAccessible(page);
    await page.getByLabel('Due by (a day)').fill('soon');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('#asOf-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const id = referralUrl.split('/').at(-1)!;
    const [{ subject }] = await harness.sql(`SELECT data->'victim'->>'subjectId' AS subject FROM events WHERE type = 'ReferralReceived' AND stream LIKE '%' || $1`, [id]);
    await page.getByRole('link', { name: 'Personal data' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: "Erase or restrict a data subject's personal data" }).click();
    await page.getByLabel('Data subject id').fill('not-an-id');
    await page.getByLabel('Erase', { exact: true }).check();
    await page.getByLabel('Ground').selectOption('art17-withdrawn-consent');
    await page.getByLabel("The office's reference for the request").fill('DSR-2026-17');
    await save();
    await expect(page.locator('h1').innerText()).resolves.toBe('Check your answers');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.locator('#id-error').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Personal data' }).click();
    await page.locator('#q').fill('V');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#q-error').isVisible()).resolves.toBe(true);
    await page.locator('#q').fill('vera EXAMPLE');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: new RegExp(`erase or restrict this record \\(${subject}\\)`) }).click();
    await expect(page.getByLabel('Data subject id').inputValue()).resolves.toBe(subject);
    await page.getByLabel('Erase', { exact: true }).check();
    await page.getByLabel('Ground').selectOption('art17-withdrawn-consent');
    await page.getByLabel("The office's reference for the request").fill('DSR-2026-17');
    await save();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(banner()).resolves.toContain("Recorded: Erase or restrict a data subject's personal data");
    const erased = await harness.sql(`SELECT data->>'ground' AS ground, data->>'requestReference' AS reference FROM events WHERE type = 'PersonalDataErased' AND data->>'subjectId' = $1`, [subject]);
    expect(erased).toEqual([{ ground: 'art17-withdrawn-consent', reference: 'DSR-2026-17' }]);
  });
});
