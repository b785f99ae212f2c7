/**
 * Compiles the design system's Sass with Samverkan's settings into public/build/app.css when its sources are
 * newer (a glance at three files' dates otherwise). scripts/launch.js calls `ensureCss` before the server
 * starts; `node scripts/build-css.js` (`npm run build:css`) runs it alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @import * as Sass from 'sass' */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.join(root, 'src/ui/styles/app.scss');
const output = path.join(root, 'public/build/app.css');
const govukPkg = path.join(root, 'node_modules/govuk-frontend/package.json');

/** Compiles the stylesheet unless it is newer than its sources. Returns whether it compiled. */
export async function ensureCss() {
  const fresh =
    fs.existsSync(output) &&
    fs.statSync(output).mtimeMs > Math.max(fs.statSync(input).mtimeMs, fs.statSync(govukPkg).mtimeMs);
  if (fresh) return false;
  // Loaded only when the CSS is stale: `npm start` on an installed checkout does not wait for Sass.
  /** @type {typeof Sass} */
  const sass = await import('sass');
  const result = sass.compile(input, {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: /** @type {Sass.DeprecationOrId[]} */ (['import', 'global-builtin']),
  });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, result.css);
  console.log(`CSS byggd: ${path.relative(root, output)} (${Math.round(result.css.length / 1024)} kB)`);
  return true;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await ensureCss();
}
