import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOrAppImports = ['electron', 'node:*', 'fs', 'path', 'os', 'conf', 'electron-store', 'react', 'react-dom', 'jssip'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Rules that need the types: a promise nobody awaits loses its error, and a switch must cover its union.
  {
    files: ['src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // The same runtimes as the tsconfig files: each folder sees only the globals it has.
  { files: ['src/core/**/*.ts'], languageOptions: { globals: { URL: 'readonly', TextEncoder: 'readonly', structuredClone: 'readonly' } } },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'electron/preload.ts', 'electron/web/bridgeClient.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts', 'electron/web/bridgeClient.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.config.{ts,js,cjs}', '.dependency-cruiser.cjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/electron/**'] }],
    },
  },
  // One way to main: the contract client wraps the bridge the shell gives the page.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/contract/client.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].flatMap((object) =>
          ['softphone', 'softphoneDebug'].map((property) => ({
            object,
            property,
            message: 'Reach main through src/renderer/contract/client.ts.',
          })),
        ),
      ],
      'no-restricted-globals': [
        'error',
        ...['softphone', 'softphoneDebug'].map((name) => ({ name, message: 'Reach main through src/renderer/contract/client.ts.' })),
      ],
    },
  },
  // A store owns its state: only its own module (named *Store.ts) calls setState; others call its actions.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/**/*Store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='setState']", message: 'Call a named action of the store module instead of setState.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeOrAppImports, patterns: ['node:*', '**/renderer/**', '**/electron/**'] }],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'electron-store', 'react'], patterns: ['**/renderer/**'] }],
    },
  },
);
