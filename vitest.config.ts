import { defineConfig } from 'vitest/config';

// Two environments: Node for shared/core/cli/main/native/lint tests, a DOM (jsdom) for renderer
// components. Tests mirror src/ under test/.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          // test/package packs and installs the npm package: `npm run test:package`.
          exclude: ['test/renderer/**', 'test/package/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'text', 'html'],
    },
  },
});
