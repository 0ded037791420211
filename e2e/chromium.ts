// Finds the Chromium that Playwright drives: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a
// browser Playwright itself installed. Fails with one clear message when there is none.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string {
  const tried: string[] = [];
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) {
    if (!path) continue;
    tried.push(path);
    if (existsSync(path)) return path;
  }
  try {
    const own = chromium.executablePath();
    tried.push(own);
    if (existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; fall through to the message below.
  }
  throw new Error(
    `No Chromium found for the e2e tests (tried ${tried.join(', ')}). ` +
      "Install Debian's package (`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.",
  );
}
