// The real browser the browser tests drive: Debian's Chromium through playwright-core (no browser
// download). CI installs it (.ci/run), so there a missing browser fails the run; elsewhere the
// browser tests are skipped with the reason printed, and `apt-get install -y chromium` enables them.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.REPLYLINT_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests run: always in CI, elsewhere when Chromium is installed. */
export const browserTestsRun = Boolean(process.env.CI) || existsSync(CHROMIUM_PATH);

if (!browserTestsRun) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set REPLYLINT_CHROMIUM)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

/**
 * Where a test saves a screenshot: test-output/screenshots/ (gitignored) always, and also
 * docs/images/ when REPLYLINT_SCREENSHOTS=1 (`npm run screenshots`), which refreshes the PNGs
 * the README shows.
 */
export function screenshotPaths(name: string): string[] {
  const dirs = [join('test-output', 'screenshots')];
  if (process.env.REPLYLINT_SCREENSHOTS === '1') dirs.push(join('docs', 'images'));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  return dirs.map((dir) => join(dir, name));
}
