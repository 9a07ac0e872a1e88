// The system's Chromium (Debian's chromium-headless-shell or chromium), driven by Playwright,
// for the tests that open a page the harness writes. Playwright's own browser download is not
// used: nothing is fetched at run time. .ci/run installs the package where it is missing.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_FIX = 'npm run setup:browser (installs Debian\'s chromium-headless-shell), or set CHROMIUM_BIN to a Chromium executable';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const file of env.CHROMIUM_BIN ? [env.CHROMIUM_BIN] : CANDIDATES) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch { /* next */ }
  }
  return undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

export interface PageVisit { page: Page; consoleErrors: string[]; requests: string[] }

/** Opens a file and records every console error, page error and request the page makes. */
export async function visitFile(browser: Browser, file: string): Promise<PageVisit> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}
