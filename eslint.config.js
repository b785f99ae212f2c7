import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint-layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'public/', 'dist/', 'drizzle/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
      // Fastify handlers and hooks are async by convention, whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { samverkan: layers },
    rules: { 'samverkan/layers': 'error' },
  },
  {
    files: ['src/server.ts', 'src/worker.ts', 'src/cli.ts', 'scripts/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-console': 'off' },
  },
  { files: ['eslint.config.js', 'eslint-layers.js'], extends: [tseslint.configs.disableTypeChecked] },
  // Plain JavaScript run without a loader (scripts/*.js), type-checked by tsc (checkJs), which knows Node's globals.
  { files: ['scripts/**/*.js'], rules: { 'no-undef': 'off' } },
);
