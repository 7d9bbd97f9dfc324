// ESLint flat config: typescript-eslint's recommended rules for TS/TSX, plus WXT's auto-import
// globals (defineBackground, browser...) for entrypoints. Generated and built folders are ignored.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  // .eval/ is a developer's gitignored scratch folder (profiling and replay scripts), not project code.
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'test-output/', 'docs/', '.eval/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions, ...autoImports.languageOptions.globals },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
    },
  },
);
