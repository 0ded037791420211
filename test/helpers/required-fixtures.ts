/**
 * Whether a fixture a suite needs is there, decided in one place. A plain clone has no ../shared
 * fixtures, so there a suite that needs them skips and its title says why; with CI=true (CI always
 * lays ../shared beside the checkout) a missing fixture is an error at import time, so the suite fails
 * instead of vanishing from the report.
 */
import { existsSync } from 'node:fs';

export const FIXTURES_REQUIRED = process.env.CI === 'true' || process.env.CI === '1';

export class MissingFixtureError extends Error {
  override readonly name = 'MissingFixtureError';
}

/** True when `path` exists; false when not (a local run skips); throws under CI=true. */
export function fixturePresent(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  if (FIXTURES_REQUIRED) {
    throw new MissingFixtureError(
      `${what} is missing at ${path}; with CI=true every fixture must be present (skipping would hide the suite)`,
    );
  }
  return false;
}
