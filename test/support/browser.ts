import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package: `.ci/run` installs it with apt-get when missing; these tests never download a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One browser per test file. Without Chromium the file fails, saying how to install it: never skipped. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource: Promise<string> | undefined;

/** axe-core on the page as it stands: no WCAG 2.2 AA violation, each one listed with its nodes when there are. */
export async function expectAccessible(page: Page): Promise<void> {
  axeSource ??= readFile(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Evaluated rather than added as a <script>: the console's CSP rightly refuses inline scripts.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async (tags) => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation: any) => `${violation.id}: ${violation.help} (${violation.nodes.map((node: any) => node.target.join(' ')).join(', ')})`);
  }, AXE_TAGS);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

/** The README shows these: taken by the tests, so they show the console as it is. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(process.cwd(), 'docs/screenshots', `${name}.png`), fullPage: true });
}
