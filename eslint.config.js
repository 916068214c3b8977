import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';

/**
 * The import boundaries of docs/architecture.md §2, as `no-restricted-imports` rules (no plugin: the
 * core rule covers relative imports by regex, and its message names the rule that was broken). Every
 * file matches exactly one layer below, because a later flat-config entry replaces an earlier one's
 * options for the same rule. Only static imports are checked: that is what lets `main.tsx` load the
 * fake m3ter by dynamic `import()` in demo mode while a static import of it fails.
 */
const TESTS = ['src/**/*.test.{ts,tsx}', 'src/test/**'];
/**
 * zod's classic API stays out: on the run history's first screen it was ~25 kB gzip of ~216 kB of JS
 * (zod/mini: ~11 kB), and every classic schema gets dozens of methods attached as it is built, at
 * module evaluation. Every layer below carries these paths, since its options replace this list's.
 */
const NO_CLASSIC_ZOD = ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
  name,
  message:
    "Import { z } from 'zod/mini' (the functional API): classic zod is ~25 kB gzip of the run history's first screen where mini is ~11 kB, and it attaches dozens of methods to every schema it builds at module evaluation.",
}));
const up = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const NO_MOCKS = {
  regex: `${up(['mocks', 'test'])}|^\\./(mocks|test)(/|$)`,
  message:
    'Only main.tsx (by dynamic import, demo mode), tests and e2e/ may import the fake m3ter (src/mocks) or the test helpers.',
};
const API_LAYER = [
  {
    regex: up(['lib', 'components', 'queries', 'features', 'app', 'routes']),
    message:
      'src/api imports only src/env.ts and npm packages: no lib, components, queries, features, app or routes.',
  },
];
const QUERIES_LAYER = [
  {
    regex: up(['components', 'features', 'app', 'routes']),
    message:
      'src/queries holds one set of query options per resource: it imports api and lib only.',
  },
];
const FEATURES_LAYER = [
  {
    regex: `^\\.\\./[^.]|${up(['features', 'app', 'routes'])}`,
    message:
      'A feature imports no other feature, nor app or routes: share through components, queries, lib or api.',
  },
];
const MOCKS_LAYER = [
  {
    regex: up(['lib', 'components', 'queries', 'features', 'app', 'routes']),
    message: 'The fake m3ter (src/mocks) uses the API module (schemas) only.',
  },
];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Imports of Solvimon's module from `prefix` (a path relative to the importing files). */
const NOT_SOLVIMON = (prefix, who) => ({
  regex: `^${escape(prefix)}`,
  message: `${who} does not use Solvimon's module: the platforms meet only in shared code.`,
});
/** m3ter's API module (its index, request(), schemas, errors) and queries, from `up` (e.g. '../../'). */
const NOT_M3TER = (upPath, who) => ({
  regex: `^${escape(upPath)}(api(/(index|configs|runs|mappings|http|schemas|pagination|contract)(/|$)|$)|queries/(configs|runs|mappings|run-))`,
  message: `${who} does not use m3ter's API module or queries: the platforms meet only in shared code.`,
});

const LAYERS = [
  {
    files: ['src/env.ts'],
    patterns: [
      { regex: '^\\.', message: 'src/env.ts is a leaf: it imports nothing of the project.' },
    ],
  },
  {
    files: ['src/api/**'],
    patterns: [
      {
        regex: up(['lib', 'components', 'queries', 'features', 'app', 'routes']),
        message:
          'src/api imports only src/env.ts and npm packages: no lib, components, queries, features, app or routes.',
      },
    ],
  },
  {
    files: ['src/lib/**'],
    patterns: [
      {
        regex: up(['components', 'queries', 'features', 'app', 'routes']),
        message:
          'src/lib is framework-level: it may import api and env, never components, queries, features, app or routes.',
      },
    ],
  },
  {
    files: ['src/queries/**'],
    patterns: [
      {
        regex: up(['components', 'features', 'app', 'routes']),
        message:
          'src/queries holds one set of query options per resource: it imports api and lib only.',
      },
    ],
  },
  {
    files: ['src/components/**'],
    patterns: [
      {
        regex: up(['queries', 'features', 'app', 'routes']),
        message:
          'Shared UI (src/components) knows no feature: no queries, features, app or routes.',
      },
    ],
  },
  {
    files: ['src/features/**'],
    patterns: [
      {
        regex: `^\\.\\./[^.]|${up(['features', 'app', 'routes'])}`,
        message:
          'A feature imports no other feature, nor app or routes: share through components, queries, lib or api.',
      },
    ],
  },
  {
    files: ['src/mocks/**'],
    patterns: [
      {
        regex: up(['lib', 'components', 'queries', 'features', 'app', 'routes']),
        message: 'The fake m3ter (src/mocks) uses the API module (schemas) only.',
      },
    ],
  },
  { files: ['src/app/**', 'src/routes/**', 'src/main.tsx'], patterns: [] },
  // The two platforms side by side (docs/architecture.md §11): each keeps its own API module, queries,
  // fake and screens, and they meet only in what is truly shared. Later entries replace earlier ones
  // for the same files, so each repeats its layer's patterns.
  {
    files: ['src/api/*.ts', 'src/api/schemas/**', 'src/api/contract/**'],
    patterns: [...API_LAYER, NOT_SOLVIMON('./solvimon', "m3ter's API module")],
  },
  // Shared by both platforms: the errors' words for users, the transport, the index.
  {
    files: ['src/api/describe-error.ts', 'src/api/describe-error.test.ts', 'src/api/transport.ts'],
    patterns: API_LAYER,
  },
  {
    files: ['src/api/solvimon/**'],
    patterns: [
      ...API_LAYER,
      {
        // The fake, the test helpers and the contract are for its tests (NO_MOCKS keeps them there).
        regex: '^\\.\\./(?!transport$|\\.\\./(env$|mocks/|test/)|\\.\\./\\.\\./docs/)',
        message:
          "Solvimon's API module shares only ../transport with m3ter's: no m3ter errors, schemas or request().",
      },
    ],
  },
  {
    files: ['src/queries/solvimon-*.ts'],
    patterns: [...QUERIES_LAYER, NOT_M3TER('../', 'Solvimon queries')],
  },
  {
    files: [
      'src/queries/configs.ts',
      'src/queries/runs.ts',
      'src/queries/mappings.ts',
      'src/queries/run-*.ts',
    ],
    patterns: [...QUERIES_LAYER, NOT_SOLVIMON('../api/solvimon', 'm3ter queries')],
  },
  {
    files: ['src/features/solvimon-*/**'],
    patterns: [...FEATURES_LAYER, NOT_M3TER('../../', 'A Solvimon feature')],
  },
  {
    files: ['src/features/integration-*/**', 'src/features/external-*/**'],
    patterns: [
      ...FEATURES_LAYER,
      NOT_SOLVIMON('../../api/solvimon', 'An m3ter feature'),
      NOT_SOLVIMON('../../queries/solvimon-', 'An m3ter feature'),
    ],
  },
  {
    files: ['src/mocks/solvimon/**'],
    patterns: [
      ...MOCKS_LAYER,
      {
        regex: '^\\.\\./(store|seed|seed-|handlers|fake-m3ter|run-log)',
        message:
          "The fake Solvimon shares only the fakes' machinery (persistence, faults, prng) with the fake m3ter.",
      },
    ],
  },
];
const importBoundaries = [
  {
    // Files of no layer (src/test, config, server) only keep classic zod out.
    files: ['src/**/*.{ts,tsx}', 'config/**/*.ts', 'server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_CLASSIC_ZOD }] },
  },
  ...LAYERS.flatMap(({ files, patterns }) => [
    {
      files,
      ignores: TESTS,
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: NO_CLASSIC_ZOD, patterns: [...patterns, NO_MOCKS] },
        ],
      },
    },
    {
      // Tests keep their layer's rules, and may use the fake m3ter and the test helpers.
      files: files.map((glob) => [glob, '**/*.test.{ts,tsx}']),
      rules: { 'no-restricted-imports': ['error', { paths: NO_CLASSIC_ZOD, patterns }] },
    },
  ]),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-live',
      'node_modules',
      'public/mockServiceWorker.js',
      'src/routeTree.gen.ts',
      'test-results',
      'playwright-report',
      'bench-results',
      'dist-bench-live',
      // The bench's react-admin peer is its own project (own package.json and node_modules, never
      // installed at the root): not linted here; Prettier still checks its sources.
      'scripts/bench/peer',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.cjs', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Informational for the React Compiler, which this project does not use (TanStack Virtual/Table).
      'react-hooks/incompatible-library': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: render text, never HTML from data.',
        },
      ],
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  ...importBoundaries,
  {
    files: [
      'server/**/*.ts',
      'config/**/*.ts',
      'scripts/**/*.mjs',
      '*.config.{ts,js,cjs}',
      'e2e/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // TanStack Router's redirect() and notFound() are thrown by design.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            {
              from: 'package',
              package: '@tanstack/router-core',
              name: ['Redirect', 'NotFoundError'],
            },
          ],
        },
      ],
    },
  },
  {
    // Tests use `async` callbacks and non-null assertions on things they just asserted exist.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'src/test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
