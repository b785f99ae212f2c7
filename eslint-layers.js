// The layering rule: config → db → platform → ui → modules → app (the composition root: src/*.ts).
// Nothing imports a higher layer, and a module reaches another only through its index.ts (a tables.ts may
// name another module's tables.ts, for foreign keys). `npm run lint` runs it, so CI keeps it.
import path from 'node:path';

const srcDir = path.join(import.meta.dirname, 'src');
const rank = { config: 0, db: 1, platform: 2, ui: 3, modules: 4, app: 5 };

/** The layer of a file under src/, or undefined outside it. */
function placeOf(file) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  const first = parts[0];
  if (parts.length === 1) return { layer: first.startsWith('config.') ? 'config' : 'app', parts };
  if (first in rank) return { layer: first, parts };
  return { layer: 'app', parts };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers, and modules meet only through their index.ts' },
    messages: {
      upward:
        '{{from}} may not import from {{to}}: the layers run config → db → platform → ui → modules → app.',
      intoModule:
        'Another module is reached only through its index.ts ({{module}}/index.ts), not {{target}}.',
    },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = placeOf(path.resolve(path.dirname(context.filename), source));
      if (!target) return;
      // A test may use a higher layer to set up its data (a backup test enqueues mail), never a module.
      const isTest = /\.test\.tsx?$/.test(context.filename);
      const upward = rank[target.layer] > rank[from.layer];
      if (
        upward &&
        (!isTest || (from.layer !== 'modules' && target.layer === 'modules') || target.layer === 'app')
      ) {
        context.report({ node, messageId: 'upward', data: { from: from.layer, to: target.layer } });
        return;
      }
      const sameModule = from.layer === 'modules' && from.parts[1] === target.parts[1];
      if (target.layer === 'modules' && !sameModule) {
        const rest = target.parts.slice(2).join('/');
        const isTables = (parts) => parts.length === 3 && parts[2] === 'tables.ts';
        if (rest === 'index.ts' || (isTables(from.parts) && isTables(target.parts))) return;
        context.report({ node, messageId: 'intoModule', data: { module: target.parts[1], target: rest } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: rule } };
