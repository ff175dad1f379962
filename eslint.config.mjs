import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Lint for the whole repository. The import boundaries of DESIGN.md §2 are enforced by
 * tests/integration/boundaries.test.ts (it knows the full table); here we only keep
 * areas from reaching into each other's internals where a rule can say so cheaply.
 */
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'out/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.layerlab/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['lib/**/*.ts'],
    // The Node entry points of lib/cli, and tests, may use Node; the rest of lib/cli (the docker CLI
    // emulator and the layerlab commands) runs in the browser's worker too.
    ignores: ['lib/cli/layerlab.ts', 'lib/cli/serve.ts', 'lib/**/*.test.ts'],
    rules: {
      // lib/ is shared by the browser, the worker and the Node CLI: Node built-ins only at the edges.
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'child_process'], message: 'lib/ runs in the browser too: inject IO instead (only lib/cli may use Node).' }] }],
    },
  },
];

export default config;
