import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot } from '../support/browser.ts';
import { startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';

/** A case worker gives a victim or complainant their page from the console, passes the link on, and takes it back. */
describe('consoleBrowser: status links in the browser', () => {
  let consoleBrowser: ConsoleBrowser;
  let page: Page;
  /** The person's own browser, signed in to nothing. */
  let person: Page;
  let base: string;

  beforeAll(async () => {
    consoleBrowser = await startConsoleBrowser();
    ({ page, base } = consoleBrowser);
    await consoleBrowser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    person = await (await consoleBrowser.browser.newContext()).newPage();
    person.setDefaultTimeout(15_000);
  });
  afterAll(() => consoleBrowser?.close());

  const signInAs = (name: string, role: string) => consoleBrowser.signInAs(name, role);
  const linkState = () => page.locator('#status-link-state').innerText();

  /** Gives a link from the case page and answers the address the page shows once. */
  const giveLink = async (firstName: string, team: string) => {
    await page.getByRole('link', { name: /^Give (a|a new) status link$/ }).click();
    await page.getByLabel('Days the link works').fill('14');
    await page.getByLabel('Your first name, as the page names you').fill(firstName);
    await page.getByLabel('Your team, as the page names it').fill(team);
    await page.getByRole('button', { name: 'Give the link' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Status link given');
    return page.getByLabel('The link').inputValue();
  };

  it("gives a victim a link shown once to copy, shows it live on the case, and revokes it: the victim's page then says it no longer works", async () => {
    await signInAs('cm-priya', 'Case manager');
    await consoleBrowser.newReferral('Vic Linkholder');
    await expect(linkState()).resolves.toBe('The victim has no status link.');
    // Revoking is offered only for a live link, and among the actions not at all: the panel says what can be done.
    expect(await page.getByRole('link', { name: 'Revoke the status link' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Give a status link' }).click();
    await page.getByLabel('Days the link works').fill('120');
    await page.getByRole('button', { name: 'Give the link' }).click();
    await expect(page.locator('#validForDays-error').innerText()).resolves.toContain('validForDays must not be greater than 90');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('contactFirstName');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back', exact: true }).click();

    const url = await giveLink('Priya', 'Beacon north');
    expect(url).toMatch(new RegExp(`^${base}/status/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(await page.locator('.govuk-panel').innerText()).toMatch(/It works until \d+ \w+ \d{4}/);
    // With JavaScript the link copies with one press; without it, the field can be copied by hand.
    await page.getByRole('button', { name: 'Copy the link' }).click();
    // The page says so once the browser's clipboard has answered, which is after the click returns.
    await page.locator('#status-link-copied', { hasText: 'The link is copied.' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(url);
    await expectAccessible(page);
    await screenshot(page, 'status-link-given');

    await person.goto(url);
    await expect(person.locator('h1').innerText()).resolves.toBe('Your support from the victim care centre');
    expect(await person.locator('main').innerText()).toContain('Priya, Beacon north');

    await page.getByRole('link', { name: 'Back to the case' }).click();
    await expect(linkState()).resolves.toMatch(/^Live Works until \d+ \w+ \d{4}, \d\d:\d\d\. Given .*, naming Priya, Beacon north\.$/);
    await expectAccessible(page);
    await screenshot(page, 'status-link');

    await page.getByRole('link', { name: 'Revoke the status link' }).click();
    expect(await page.locator('main').innerText()).toContain('The link stops working at once');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Revoke the link' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Saved: Revoke the status link');
    await expect(linkState()).resolves.toBe('The victim has no status link.');

    await person.reload();
    await expect(person.locator('h1').innerText()).resolves.toBe('This link no longer works');
    await expectAccessible(person);
  });

  it('gives a complainant a link, and a new one replaces it: the first stops working', async () => {
    await signInAs('crt-olu', 'Customer Response Team officer');
    await consoleBrowser.logComplaint('Cora Linkholder');
    await expect(linkState()).resolves.toBe('The complainant has no status link.');

    const first = await giveLink('Olu', 'Customer Response Team');
    await person.goto(first);
    await expect(person.locator('h1').innerText()).resolves.toMatch(/^Your complaint/);
    await page.getByRole('link', { name: 'Back to the case' }).click();
    const second = await giveLink('Olu', 'Customer Response Team');
    expect(second).not.toBe(first);
    await person.reload();
    await expect(person.locator('h1').innerText()).resolves.toBe('This link no longer works');
    await person.goto(second);
    await expect(person.locator('h1').innerText()).resolves.toMatch(/^Your complaint/);
  });
});
