import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Declares every `{param}` of a path on its operations. Nest documents only the params a handler
 * reads with @Param; a guard that reads one (the widget's inbox id) or a segment kept for the
 * browser (a download's file name) would otherwise leave clients unable to fill the URL.
 */
export function documentPathParameters(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    for (const method of METHODS) {
      const op = item[method];
      if (op) op.parameters = [...(op.parameters ?? []), ...undeclared(op, names)];
    }
  }
  return doc;
}

function undeclared(op: Operation, names: string[]): NonNullable<Operation['parameters']> {
  const declared = new Set(
    (op.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : [])),
  );
  return names
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' } }));
}
