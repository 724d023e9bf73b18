// Debian's `chromium`, driven by playwright-core, for the web build's tests
// (test/web) and the real-workbench tests (test/e2e). `.ci/run` installs it;
// TDE_CHROMIUM (or TDE_E2E_CHROMIUM) names another Chromium binary.
import * as fs from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM = process.env.TDE_CHROMIUM || process.env.TDE_E2E_CHROMIUM || '/usr/bin/chromium';

/** No sandbox (CI runs as root), no GPU, and no network of Chromium's own. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  return `no Chromium at ${CHROMIUM} (.ci/run installs Debian's \`chromium\`; TDE_CHROMIUM names another binary)`;
}

/** Chromium, headless unless `headless: false`. */
export function launchChromium(options: Pick<LaunchOptions, 'headless' | 'env'> = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, ...options });
}
