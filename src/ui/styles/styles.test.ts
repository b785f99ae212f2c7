import path from 'node:path';
import { compile } from 'sass';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the stylesheet', () => {
  const css = compile(path.join(root, 'src/ui/styles/app.scss'), {
    loadPaths: [path.join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin'],
  }).css;

  it('calls no design-system function Sass left unresolved (a browser drops such a declaration)', () => {
    // `govuk-colour(...)` without the module's namespace is plain CSS to Sass: it compiles, and does nothing.
    expect(css.match(/govuk-[a-z-]+\(/g) ?? []).toEqual([]);
  });

  it('gives each warning level its colour', () => {
    expect(css).toMatch(/\.sv-warning--warning\{border-left-color:#[0-9a-f]{3,6}/);
    expect(css).toMatch(/\.sv-warning--critical\{border-left-color:#[0-9a-f]{3,6}/);
  });
});
