import { defineConfig } from 'vitest/config';

// `npm run test:package`: the npm package packed and installed (test/package). Kept out of
// `npm test` because it compiles the addon again and installs the tarball's dependencies.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
