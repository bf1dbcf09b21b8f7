// @ts-check
/**
 * Lint: typed rules for src/, plain rules elsewhere, and the import rules of docs/ARCHITECTURE.md ("Who may
 * import whom") written as `no-restricted-imports` per folder, each with a message that says why.
 * docs/ARCHITECTURE.md explains the layers; keep both true together.
 */
import { readdirSync } from 'node:fs';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

// `@eslint/js` is not a dependency; its `recommended` set is exactly the core rules marked recommended.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, /** @type {const} */ ('error')]),
);

/** The Node globals our scripts and config files use (the `globals` package is not a dependency). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'fetch',
    'performance',
    'globalThis',
    '__dirname',
    '__filename',
  ].map((g) => [g, /** @type {const} */ ('readonly')]),
);

// ---------------------------------------------------------------------------------------------------------
// Import rules. Patterns are regular expressions over the import string as written (relative or bare).

/** Controllers known from docs/ARCHITECTURE.md plus any folder that exists now, so a new controller is covered at once. */
const CONTROLLERS = [
  ...new Set([
    'workloads',
    'endpointslice',
    'kube-proxy',
    'coredns',
    'ingress',
    'gateway',
    'netpol',
    ...listDirs(new URL('./src/core/controllers/', import.meta.url)),
  ]),
].sort();

function listDirs(url) {
  try {
    return readdirSync(url, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/** Escape a name for a `u`-flag regular expression (where `\-` outside a class is invalid). */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Libraries that need a DOM, a browser or a UI framework: none of them may enter the pure core. */
const UI_LIBRARIES = [
  'react',
  'react-dom',
  '@xyflow/react',
  'monaco-editor',
  'monaco-yaml',
  '@monaco-editor/react',
  'zustand',
  'elkjs',
  'comlink',
  'happy-dom',
  'playwright-core',
  '@playwright/test',
];

const coreLayerPatterns = [
  {
    regex: '^(\\.\\./)+(cli|worker|share|ui)(/|$)',
    message:
      'src/core is the pure simulation core: it may not import from cli/, worker/, share/ or ui/ (they depend on core, never the reverse; see docs/ARCHITECTURE.md).',
  },
  {
    regex: `^(${UI_LIBRARIES.map(escape).join('|')})(/|$)`,
    message: 'src/core runs in Node and in a Web Worker: no React, DOM, editor, layout or UI-state libraries here (docs/ARCHITECTURE.md).',
  },
];

/** A controller may not import another controller: like real components they talk only through the World. */
function controllerPatterns(self) {
  const others = CONTROLLERS.filter((c) => c !== self)
    .map(escape)
    .join('|');
  const message = `Controllers never import one another (docs/ARCHITECTURE.md): ${self} must read what another controller produced from the World, not call its module.`;
  return [
    { regex: `^(\\.\\./)+(${others})(/|$)`, message },
    { regex: `(^|/)controllers/(${others})(/|$)`, message },
  ];
}

/**
 * What a controller may not read, not even for a type: the pipeline that runs it (`simulate`), and the
 * readers that ask questions of its results (`route`, `trace`, `topology`, `queries`, `exercise`). Results
 * go into the World; types both sides need live in `model/`. Tests beside a controller may build a World
 * through the pipeline, so the rule is for shipped code.
 */
const readerPatterns = [
  {
    regex: '^(\\.\\./)+(simulate|route)(\\.ts)?$',
    message: 'A controller takes (world, options) and never imports the pipeline or a query: write results into the World and put shared types in model/ (docs/ARCHITECTURE.md "Results in the World").',
  },
  {
    regex: '^(\\.\\./)+(trace|topology|queries|exercise)(/|$)',
    message: 'A controller never imports the readers of its results (trace, topology, queries, exercise): they read the World it wrote.',
  },
];

const coreImportRules = (extra = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...coreLayerPatterns, ...extra] }],
});

/** Node built-ins: core is pure (no I/O, no clock); tests beside the code may read fixtures. */
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'process', 'worker_threads', 'http', 'https', 'net'];
const noNodeInCore = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(node:.*|(${NODE_BUILTINS.join('|')})(/.*)?)$`,
          message: 'src/core is pure: no Node APIs (it must run unchanged in a Web Worker). Do the I/O in src/cli and pass data in.',
        },
      ],
    },
  ],
};

/** cli and worker see the core through its public door only, so core can move its insides freely. */
const viaCoreIndex = (who) => ({
  regex: '(^|/)core/(?!index(\\.[jt]s)?$).+',
  message: `${who} imports the core only through src/core/index.ts (its public entry point); export what you need from there.`,
});

const uiImportRules = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          ...viaCoreIndex('src/ui'),
          allowTypeImports: true,
          message:
            'src/ui imports core types only (`import type`); heavy work runs in the worker. Values may come from src/core/index.ts alone.',
        },
        {
          regex: '^(\\.\\./)+(cli|worker)(/|$)',
          allowTypeImports: true,
          message: 'src/ui talks to the worker through its typed protocol; it does not import worker or cli code.',
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-cli/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.bench/**',
      'public/**',
      'src/conformance/data/**',
      '.scratch/**',
      '.tmp*',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { files: ['**/*.{js,mjs,cjs,ts,tsx}'], rules: eslintRecommended },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: nodeGlobals, sourceType: 'module', ecmaVersion: 2022 } },

  // TypeScript outside src/: syntax-only rules (configs, e2e).
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.{ts,tsx}'] })),

  // src/: typed lint (typescript-eslint with the project's tsconfig).
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/prefer-nullish-coalescing': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A redundant `as` is noise, not a risk: shown as a warning so it gets cleaned up without blocking CI.
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
    },
  },
  {
    // The core and the worker have no console to speak to (core's tsconfig has no `console` at all).
    files: ['src/core/**/*.ts', 'src/worker/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // zustand actions are arrow functions stored in the state but typed with method syntax; destructuring
      // them (`const { setPanel } = useActions()`) is safe and idiomatic.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The manifest reader turns untrusted YAML scalars into strings on purpose (`String(v)` of an env value);
    // an object there is reported by validation, not by the type checker.
    files: ['src/core/manifest/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Vite/Vitest configs need `/// <reference types="vitest/config" />` for their `test:` block.
    files: ['vite*.config.ts', 'vitest*.config.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // Tests may use loose typing on parsed JSON and assertion helpers.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // ---- import rules, per folder ----
  { files: ['src/core/**/*.{ts,tsx}'], rules: coreImportRules() },
  ...CONTROLLERS.map((c) => ({ files: [`src/core/controllers/${c}/**/*.{ts,tsx}`], rules: coreImportRules(controllerPatterns(c)) })),
  ...CONTROLLERS.map((c) => ({
    files: [`src/core/controllers/${c}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: coreImportRules([...controllerPatterns(c), ...readerPatterns]),
  })),
  { files: ['src/core/**/*.{ts,tsx}'], ignores: ['**/*.test.{ts,tsx}'], rules: noNodeInCore },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            viaCoreIndex('src/cli'),
            {
              regex: '^(\\.\\./)+(ui|worker)(/|$)',
              message: 'knet runs in Node: it may not import the browser UI or the Web Worker shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            viaCoreIndex('src/worker'),
            {
              regex: '^(\\.\\./)+(ui|cli)(/|$)',
              message: 'The worker is the boundary between UI and core: it may not import UI or CLI code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests of the worker may borrow a UI fixture (the default scenario text); shipped worker code may not.
    files: ['src/worker/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [viaCoreIndex('src/worker')] }] },
  },
  { files: ['src/ui/**/*.{ts,tsx}'], rules: uiImportRules },
);
