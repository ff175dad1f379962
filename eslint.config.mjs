import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * Lint for the whole repository. The import boundaries of DESIGN.md §2 are enforced by
 * tests/integration/boundaries.test.ts (it knows the full table); here we only keep
 * areas from reaching into each other's internals where a rule can say so cheaply.
 */
const NODE_MESSAGE = 'lib/ runs in the browser too: inject IO instead (only the Node entry points in lib/cli may use Node).';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'out/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.layerlab/**', 'content/examples/**', 'content/lessons/*/labs/**'],
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
    // Node's edges may use Node: lib/cli's entry points (layerlab.ts, serve.ts), its node-*.ts
    // adapters, and tests. The rest of lib/cli (the docker CLI emulator, the layerlab commands)
    // runs in the browser's worker too.
    ignores: ['lib/cli/layerlab.ts', 'lib/cli/serve.ts', 'lib/cli/node-*.ts', 'lib/**/*.test.ts'],
    rules: {
      // lib/ is shared by the browser, the worker and the Node CLI: Node built-ins only at the edges.
      // `paths` names bare modules exactly; a `patterns` entry like 'fs' would also match lib/engine/fs.
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'fs/promises', 'path', 'child_process', 'os', 'crypto'].map((name) => ({ name, message: NODE_MESSAGE })),
          patterns: [{ group: ['node:*'], message: NODE_MESSAGE }],
        },
      ],
    },
  },
];

export default config;
