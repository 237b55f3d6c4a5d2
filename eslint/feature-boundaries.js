// ESLint rule: a web feature folder (apps/web/src/features/X) never imports another feature
// (features/Y) — routes compose features. Relative paths are resolved against the importing file,
// so `../../devices/api/x.ts` is caught whatever the depth it is written from.
import path from 'node:path';

const FEATURE_OF = /[\\/]apps[\\/]web[\\/]src[\\/]features[\\/]([^\\/]+)[\\/]/;

const FEATURE_IN_SPECIFIER = /(?:^|\/)features\/([^/]+)/;

/** The feature folder a path lies in, or undefined. */
function featureOf(file) {
  return FEATURE_OF.exec(file)?.[1];
}

/** @type {import('eslint').Rule.RuleModule} */
export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'web feature folders never import each other; routes compose them' },
    messages: {
      crossFeature:
        "Feature '{{from}}' imports feature '{{to}}' ({{source}}): features don't import each other; compose them in a route (apps/web/src/routes).",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = featureOf(filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      // Relative: where the path lands. Bare (an alias such as '@/features/x'): its features/ segment.
      const to = source.value.startsWith('.')
        ? featureOf(`${path.resolve(path.dirname(filename), source.value)}${path.sep}`)
        : FEATURE_IN_SPECIFIER.exec(source.value)?.[1];
      if (to && to !== from) {
        context.report({
          node: source,
          messageId: 'crossFeature',
          data: { from, to, source: source.value },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
