import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'tests/conformance/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    // Two cores in CI: keep the pool small so property tests do not starve each other.
    pool: 'threads',
    testTimeout: 30_000,
  },
});
