import ts from 'typescript';
import type { JsonSchema } from './response-schemas';

const REF_PREFIX = '#/components/schemas/';

/**
 * Turns a checked TypeScript type into an OpenAPI 3.0 schema of its JSON form: Dates become
 * date-time strings, `undefined` makes a property optional, `null` makes it nullable, and named
 * non-generic interfaces, classes and aliases become shared components (which also ends cycles).
 */
export class TypeToSchema {
  private readonly named = new Map<ts.Symbol, string>();
  private readonly schemas: Record<string, JsonSchema> = {};
  private readonly inlining = new Set<ts.Type>();

  constructor(private readonly checker: ts.TypeChecker) {}

  components(): Record<string, JsonSchema> {
    return this.schemas;
  }

  convert(type: ts.Type): JsonSchema {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Union) return this.union((type as ts.UnionType).types);
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [this.isTrue(type)] };
    if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Null) return NULL_ONLY;
    if (f & ts.TypeFlags.Intersection) {
      const primitive = (type as ts.IntersectionType).types.find((t) => t.flags & PRIMITIVE);
      if (primitive) return this.convert(primitive);
    }
    if (!(f & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return {};
    const symbolName = type.getSymbol()?.getName();
    if (symbolName === 'Date') return { type: 'string', format: 'date-time' };
    if (this.checker.isArrayType(type)) {
      const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: item ? this.convert(item) : {} };
    }
    if (this.checker.isTupleType(type)) {
      const items = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: this.anyOf(items), minItems: items.length };
    }
    const name = this.componentSymbol(type);
    return name ? this.reference(name, type) : this.inline(type);
  }

  private isTrue(type: ts.Type): boolean {
    return this.checker.typeToString(type) === 'true';
  }

  private union(members: readonly ts.Type[]): JsonSchema {
    const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = members.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const schema = this.unionOf(rest);
    return nullable ? withNull(schema) : schema;
  }

  private unionOf(members: ts.Type[]): JsonSchema {
    if (members.length === 0) return {};
    if (members.length === 1) return this.convert(members[0] as ts.Type);
    const booleans = members.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    if (booleans.length === 2) {
      // `true | false` is boolean, also among other members (`string | boolean`).
      const others = members.filter((t) => !booleans.includes(t));
      return others.length === 0 ? { type: 'boolean' } : this.anyOf(others, [{ type: 'boolean' }]);
    }
    if (members.every((t) => t.isStringLiteral()))
      return { type: 'string', enum: members.map((t) => (t as ts.StringLiteralType).value).sort() };
    if (members.every((t) => t.isNumberLiteral()))
      return { type: 'number', enum: members.map((t) => (t as ts.NumberLiteralType).value).sort() };
    return this.anyOf(members);
  }

  private anyOf(members: readonly ts.Type[], extra: JsonSchema[] = []): JsonSchema {
    const schemas = [...members.map((t) => this.convert(t)), ...extra];
    const unique = new Map(schemas.map((s) => [JSON.stringify(s), s]));
    const sorted = [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, s]) => s);
    return sorted.length === 1 ? (sorted[0] as JsonSchema) : { anyOf: sorted };
  }

  /** A named interface, class or alias without type arguments: worth a shared component. */
  private componentSymbol(type: ts.Type): ts.Symbol | undefined {
    if (type.aliasSymbol) return type.aliasTypeArguments?.length ? undefined : type.aliasSymbol;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return;
    const args = (type as ts.TypeReference).typeArguments;
    return args?.length ? undefined : symbol;
  }

  private reference(symbol: ts.Symbol, type: ts.Type): JsonSchema {
    let name = this.named.get(symbol);
    if (!name) {
      name = this.freeName(symbol.getName());
      this.named.set(symbol, name);
      this.schemas[name] = {}; // reserved first: a type that refers to itself ends here
      this.schemas[name] = this.inline(type);
    }
    return { $ref: `${REF_PREFIX}${name}` };
  }

  private freeName(base: string): string {
    let name = base;
    for (let i = 2; name in this.schemas; i++) name = `${base}${i}`;
    return name;
  }

  private inline(type: ts.Type): JsonSchema {
    if (this.inlining.has(type)) return {};
    this.inlining.add(type);
    try {
      return this.objectOf(type);
    } finally {
      this.inlining.delete(type);
    }
  }

  private objectOf(type: ts.Type): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of this.checker.getPropertiesOfType(type)) {
      const name = prop.getName();
      if (name.startsWith('__')) continue;
      const propType = this.checker.getTypeOfSymbol(prop);
      // Methods (an entity's helpers) are not part of the JSON.
      if (this.checker.getSignaturesOfType(propType, ts.SignatureKind.Call).length > 0) continue;
      properties[name] = this.convert(propType);
      const optional =
        prop.flags & ts.SymbolFlags.Optional ||
        (propType.flags & ts.TypeFlags.Union &&
          (propType as ts.UnionType).types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (!optional) required.push(name);
    }
    const schema: JsonSchema = { type: 'object', properties };
    if (required.length > 0) schema['required'] = required;
    const index = this.checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & STRINGY);
    if (index) schema['additionalProperties'] = this.convert(index.type);
    return schema;
  }
}

const PRIMITIVE = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean;
const STRINGY = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.TemplateLiteral;

/** `null` itself, as OpenAPI 3.0.3 spells it (`nullable` needs a `type` beside it). */
const NULL_ONLY: JsonSchema = { type: 'object', nullable: true, enum: [null] };

/**
 * OpenAPI 3.0 has no `null` type, and `nullable` counts only beside a `type`: a reference (always
 * an object here) is wrapped in allOf, each member of a union made nullable.
 */
function withNull(schema: JsonSchema): JsonSchema {
  if ('$ref' in schema) return { type: 'object', nullable: true, allOf: [schema] };
  const members = schema['anyOf'];
  if (Array.isArray(members)) return { anyOf: members.map((m: JsonSchema) => withNull(m)) };
  if (!('type' in schema)) return schema; // `{}`: anything, null included
  const values = schema['enum'];
  // A nullable enum lists null among its values, or null is still refused.
  return Array.isArray(values)
    ? { ...schema, nullable: true, enum: [...values, null] }
    : { ...schema, nullable: true };
}
