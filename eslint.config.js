// Lint rules, including the arrows of the architecture: shared/ is pure, only renderer/db/ touches Dexie, and
// the renderer reaches the host only through renderer/platform/. Messages are written for the person who hits them.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'http',
  'https',
  'net',
  'worker_threads',
  'process',
  'buffer',
  'zlib',
  'readline',
  'module',
  'vm',
  'assert',
];

const sharedIsPure = {
  paths: [
    ...['react', 'react-dom', 'dexie', 'zustand', 'electron'].map((name) => ({
      name,
      message: `shared/ is pure TypeScript that runs in the renderer, the main process and the rate command alike; move code that needs ${name} out of shared/ (renderer/ or electron/) and pass plain data in.`,
    })),
    ...NODE_BUILTINS.map((name) => ({
      name,
      message: `shared/ must not use Node's ${name}: it also runs in the browser. Do file or process work in cli/ or electron/ and hand shared/ plain values.`,
    })),
  ],
  patterns: [
    {
      group: ['node:*'],
      message:
        'shared/ must not use Node built-ins: it also runs in the browser. Do that work in cli/ or electron/.',
    },
    {
      group: ['react-dom/*', 'dexie/*', 'zustand/*', 'electron/*'],
      message: 'shared/ is pure: UI, storage and Electron code belong in renderer/ or electron/.',
    },
    {
      group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/tests/**', '**/seeds/**'],
      message: 'Arrows point one way: renderer, electron and cli import shared/, never the reverse.',
    },
  ],
};

// Outside shared/, shared/ is reached through the package's own alias (package.json "imports"), never by
// climbing folders: '#shared/scoring' for a folder's public face, '#shared/interchange/schema.ts' for one file.
const sharedByAlias = {
  regex: '^(\\.\\.?/)+([^/]+/)*shared(/|$)',
  message:
    "Import shared/ through its alias: '#shared/scoring' for a folder's public face, '#shared/interchange/schema.ts' for one file past it (`npx tsx build/codemod-shared-imports.ts` rewrites climbing imports).",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'coverage/',
      '.bench/',
      'tests/.output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedIsPure], 'no-console': 'error' },
  },
  {
    files: ['seeds/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: sharedIsPure.paths,
          patterns: [
            ...sharedIsPure.patterns.slice(0, 2),
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/tests/**'],
              message: 'seeds/ is data typed against shared/; it imports shared/ only.',
            },
            sharedByAlias,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dexie',
              message:
                'Only renderer/db/ talks to Dexie; call a repository function from renderer/db/ instead.',
            },
            {
              name: 'electron',
              message: 'The renderer never imports electron: reach the host through renderer/platform/.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed in a browser: no Node built-ins.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the desktop shell only through renderer/platform/.',
            },
            sharedByAlias,
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'cli/**/*.ts',
      'server/**/*.ts',
      'build/**/*.ts',
      'bench/**/*.ts',
      '*.config.{js,ts}',
      'tests/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests break files on purpose by poking at parsed JSON.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'build/**/*.ts', '*.config.{js,ts}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedByAlias] }] },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'electron/, cli/ and server/ import shared/ only, never the renderer.',
            },
            sharedByAlias,
          ],
        },
      ],
    },
  },
);
