import fs from 'node:fs';
import path from 'node:path';
import type * as Sass from 'sass';

/** Compiles the design system's Sass with Samverkan's settings into public/build/app.css (skipped when fresh). */
const root = path.resolve(import.meta.dirname, '..');
const input = path.join(root, 'src/ui/styles/app.scss');
const output = path.join(root, 'public/build/app.css');
const govukPkg = path.join(root, 'node_modules/govuk-frontend/package.json');

const fresh =
  fs.existsSync(output) &&
  fs.statSync(output).mtimeMs > Math.max(fs.statSync(input).mtimeMs, fs.statSync(govukPkg).mtimeMs);
if (!fresh) {
  // Loaded only when the CSS is stale: `npm start` on an installed checkout does not wait for Sass.
  const sass: typeof Sass = await import('sass');
  const result = sass.compile(input, {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin'] as Sass.DeprecationOrId[],
  });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, result.css);
  console.log(`CSS byggd: ${path.relative(root, output)} (${Math.round(result.css.length / 1024)} kB)`);
}
