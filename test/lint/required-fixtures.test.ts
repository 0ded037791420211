/**
 * Suites that need fixtures from ../shared skip in a plain clone but must never vanish in CI: with
 * CI=true the one helper that decides (test/helpers/required-fixtures.ts) throws, failing the suite.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const MISSING = '/definitely/not/a/fixture';

async function freshHelper() {
  vi.resetModules();
  return import('../helpers/required-fixtures');
}

afterEach(() => vi.unstubAllEnvs());

describe('fixturePresent', () => {
  it('fails loudly under CI=true when a fixture is missing', async () => {
    vi.stubEnv('CI', 'true');
    const { fixturePresent, MissingFixtureError } = await freshHelper();
    expect(() => fixturePresent(MISSING, 'the test tree')).toThrow(MissingFixtureError);
    expect(() => fixturePresent(MISSING, 'the test tree')).toThrow(
      /the test tree is missing at \/definitely/,
    );
  });

  it('lets a local run skip, and finds what is there', async () => {
    vi.stubEnv('CI', '');
    const { fixturePresent } = await freshHelper();
    expect(fixturePresent(MISSING, 'the test tree')).toBe(false);
    expect(fixturePresent(process.cwd(), 'the checkout')).toBe(true);
  });
});
