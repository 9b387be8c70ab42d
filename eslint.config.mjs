// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'coverage/**',
      '.localcloud/**',
      'miniprogram/miniprogram_npm/**',
      'miniprogram/**/miniprogram_npm/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The domain core and the demo data generator are plain TypeScript: no WeChat globals, no process, no
    // clock or randomness of their own (the demo data is the same for the same seed).
    files: ['core/**/*.ts', 'demo/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'wx', message: 'The domain core must not touch the mini-program runtime.' },
        {
          name: 'process',
          message: 'The domain core gets configuration passed in, not from the environment.',
        },
        { name: 'getApp', message: 'The domain core must not touch the mini-program runtime.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the Clock port so tests control time.' },
        { object: 'Math', property: 'random', message: 'Use the IdGenerator / Random port.' },
      ],
    },
  },
  {
    // A function reads as one step of a rule; past 80 lines it names its steps as functions of their own.
    // Declarative tables are not functions and are not counted.
    files: ['core/**/*.ts', 'demo/**/*.ts', 'miniprogram/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
