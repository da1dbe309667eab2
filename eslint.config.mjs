import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/diagnosis/**/*.ts', 'src/escalation/**/*.ts', 'src/run-watch/**/*.ts'],
    rules: {
      // The brain stays framework-free so the edge can be swapped, and returns facts: src/i18n words them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'restify'], message: 'The brain stays framework-free.' },
            {
              group: ['**/i18n', '**/i18n/**'],
              message: 'The brain returns facts; src/i18n turns them into sentences.',
            },
            {
              group: ['**/teams/**', '**/http/**', '**/adapter/**'],
              message: 'The brain imports nothing from the edge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder', 'botbuilder-*', 'restify'] }],
    },
  },
  {
    // Plain CommonJS helpers that run without a build (start script, jest and preload shims).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
