import { dirname } from 'node:path';
import ts from 'typescript';
import type { JsonSchema, ResponseSchemas, RouteResponse } from './response-schemas';
import { TypeToSchema } from './type-to-schema';

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/**
 * Reads every controller with the TypeScript checker and describes what each route answers: the
 * awaited return type of its handler, as JSON Schema. The controllers' return types (mostly the
 * DTO interfaces of libs/contracts) are the single source, so no second description can drift.
 * Keys are Nest's default operationIds, `<Controller>_<method>`.
 */
export function generateResponseSchemas(tsconfigPath: string): ResponseSchemas {
  const config = ts.readConfigFile(tsconfigPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfigPath));
  const controllers = parsed.fileNames.filter((f) => f.endsWith('.controller.ts')).sort();
  const program = ts.createProgram({ rootNames: controllers, options: parsed.options });
  const checker = program.getTypeChecker();
  const toSchema = new TypeToSchema(checker);
  const operations: Record<string, RouteResponse> = {};
  for (const file of controllers) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const cls of source.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name || !decorator(cls, 'Controller')) continue;
      for (const member of cls.members.filter(ts.isMethodDeclaration)) {
        const route = describeRoute(member, checker, toSchema);
        if (!route) continue;
        const caller = callerOf(cls, member);
        operations[`${cls.name.text}_${member.name.getText(source)}`] = caller
          ? { ...route, caller }
          : route;
      }
    }
  }
  return { operations: sortKeys(operations), schemas: sortKeys(toSchema.components()) };
}

function describeRoute(
  method: ts.MethodDeclaration,
  checker: ts.TypeChecker,
  toSchema: TypeToSchema,
): RouteResponse | null {
  const verb = (ts.getDecorators(method) ?? []).map(nameOf).find((n) => ROUTE_DECORATORS.has(n));
  if (!verb) return null;
  const httpCode = decorator(method, 'HttpCode')?.arguments[0];
  const status =
    httpCode && ts.isNumericLiteral(httpCode) ? Number(httpCode.text) : verb === 'Post' ? 201 : 200;
  // `@Res()` without passthrough: the handler writes the answer itself (a file, a CSV, a page),
  // which its own @ApiOkResponse describes.
  if (method.parameters.some(writesOwnAnswer)) {
    const jsonType = decorator(method, 'ApiCsvResponse')?.typeArguments?.[0];
    if (!jsonType) return { status, raw: true };
    return { status, raw: true, schema: toSchema.convert(checker.getTypeFromTypeNode(jsonType)) };
  }
  const signature = checker.getSignatureFromDeclaration(method);
  if (!signature) return null;
  const awaited = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature));
  const empty = ts.TypeFlags.Void | ts.TypeFlags.Undefined;
  if (!awaited || awaited.flags & empty) return { status, schema: null };
  return { status, schema: toSchema.convert(awaited) };
}

/** Who may call: an operator session unless @Public(); the widget's visitor behind VisitorGuard. */
function callerOf(cls: ts.ClassDeclaration, method: ts.MethodDeclaration): RouteResponse['caller'] {
  const guards = [decorator(cls, 'UseGuards'), decorator(method, 'UseGuards')];
  if (guards.some((g) => g?.arguments.some((a) => a.getText() === 'VisitorGuard')))
    return 'visitor';
  return decorator(cls, 'Public') || decorator(method, 'Public') ? 'public' : undefined;
}

function writesOwnAnswer(param: ts.ParameterDeclaration): boolean {
  const res = decorator(param, 'Res');
  if (!res) return false;
  return !res.arguments.some((a) => /passthrough\s*:\s*true/.test(a.getText()));
}

function decorator(node: ts.HasDecorators, name: string): ts.CallExpression | undefined {
  const found = (ts.getDecorators(node) ?? []).find((d) => nameOf(d) === name);
  return found && ts.isCallExpression(found.expression) ? found.expression : undefined;
}

function nameOf(d: ts.Decorator): string {
  const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
  return ts.isIdentifier(e) ? e.text : '';
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export type { JsonSchema };
