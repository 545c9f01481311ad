// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Teams framework stays at the edge: src/teams/ and the process's entry point. Tests may import it. */
const TEAMS_FRAMEWORK = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*'],
  message: 'Only src/teams/ (and src/main.ts) import the Teams framework; the domain and the composition root (src/composition.ts) speak plain data.',
};

const NODE_GLOBALS = { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.local-data/', 'test/e2e/__screenshots__/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Syntax rules for everything, plus the type-aware promise rules: a bot's quiet failures are promises
    // dropped in handlers and timers. The no-unsafe-* family stays off: activity values arrive as `any` and
    // are parsed with zod at the edge.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `_` names what is left out on purpose, as tsc's noUnusedParameters does; rest siblings omit fields.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**', 'src/main.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [TEAMS_FRAMEWORK] }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: NODE_GLOBALS } },
);
