import { defineConfig } from 'drizzle-kit';

// The application's schema is the union of the platform's tables and every module's.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/tables.ts', './src/modules/*/tables.ts'],
  out: './drizzle',
});
