import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noIpcRenderer = {
  selector: "Identifier[name='ipcRenderer']",
  message: 'ipcRenderer belongs in electron/preload only; pages use useDesktopApi().',
};

/** The folder rules of ARCHITECTURE.md: which runtime each folder may use. */
const rendererImportRules = {
  paths: [...nodeModules, 'electron'].map((name) => ({ name, message: 'The renderer is sandboxed: no Node, no Electron.' })),
  patterns: [{ group: ['**/electron/**'], message: 'renderer/ never imports from electron/: use the contract in shared/.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'bench/', 'test-results/', 'playwright-report/', '.lab/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noIpcRenderer],
    },
  },
  {
    // One rule for file names (README, Conventions): kebab-case modules and folders; PascalCase only for
    // .tsx files whose export is a React component (other .tsx files, such as main.tsx, are kebab-case).
    files: ['**/*.{ts,tsx,mts,mjs,js,cjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        {
          '**/*.{ts,mts,mjs,js,cjs}': 'KEBAB_CASE',
          '**/*.tsx': '@(+([A-Z])*([a-zA-Z0-9])|+([a-z])*([a-z0-9])*(-+([a-z0-9])))',
        },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '**/': 'KEBAB_CASE' }],
    },
  },
  {
    // No import circle anywhere: a module and what it imports form a tree.
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js', '.d.ts'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['electron/preload/**', 'tests/unit/main/preload.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use nothing from it.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'shared/ is pure: no Node, DOM, React or Electron.',
          })),
          patterns: [
            { group: ['**/electron/**', '**/renderer/**', '@fluentui/*'], message: 'shared/ imports only shared/ and pure libraries.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererImportRules],
    },
  },
  {
    // The first screen loads React alone: Fluent UI is reached only through lazyWithFluent. This catches a direct
    // import; the release build test (first-load scripts without Fluent) catches an indirect one.
    files: ['renderer/main.tsx', 'renderer/App.tsx', 'renderer/wizard/**', 'renderer/flows/*.ts*', 'renderer/flows/app/WelcomePage.tsx', 'renderer/flows/app/ExitedPage.tsx', 'renderer/flows/**/flow.ts', 'renderer/flows/**/index.ts'],
    ignores: ['renderer/wizard/AboutDialog.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rendererImportRules,
          patterns: [
            ...rendererImportRules.patterns,
            { group: ['@fluentui/*'], message: 'The frame and Welcome draw without Fluent UI (FrameControls); a component that uses Fluent is made by lazyWithFluent.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports from renderer/.' }] },
      ],
    },
  },
  {
    // IPC areas are adapters: they parse, call their feature's service and map its answer.
    files: ['electron/ipc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports from renderer/.' },
            { group: ['**/clients/**'], message: 'IPC areas call services, never the clients of PowerShell, Graph or the sync server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services run in plain Node; Electron stays in the adapters.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports from renderer/.' }],
        },
      ],
    },
  },
  // The lab's boundary (lab/README.md). typescript-eslint's copy of no-restricted-imports keeps it apart from the
  // folder rules above: a flat config replaces a rule's options per file rather than merging them.
  {
    files: ['lab/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/shared/**'], message: 'lab/ imports nothing of the app.' }] },
      ],
    },
  },
  {
    files: ['electron/**', 'renderer/**', 'shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lab', '**/lab/**'], message: 'Only the composition root uses the lab, through lab/index.ts.' }] },
      ],
    },
  },
  {
    files: ['electron/main/composition.ts', 'tests/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/lab/**', '!**/lab/index', '!**/lab/index.ts'], message: 'Use the lab through lab/index.ts, its one entry point.' }] },
      ],
    },
  },
  {
    // The lab's own tests exercise its parts.
    files: ['tests/unit/lab-tenant/**', 'tests/integration/lab-tenant/**', 'tests/integration/lab-sync-server/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
