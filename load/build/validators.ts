// Compiles the spec's response schemas into standalone Ajv code for the k6 bundles (Node, build time).
// k6's regex engine refuses what ajv-formats' full formats use (the `u` flag, \u{...} escapes,
// lookbehind: "SyntaxError: Invalid regular expression (regexp2)" at init), so only the formats
// the spec uses are added, each as a plain regex checked here; `unicodeRegExp: false` keeps the
// spec's own patterns plain too.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { fastFormats } from 'ajv-formats/dist/formats.js';
import { OPENAPI_ANNOTATIONS, registerExtensionKeywords } from '../../lib/contract.ts';
import { documentedOnly, ownBasis } from '../../lib/provenance.ts';
import type { JsonSchema, LoadedSpec, OperationInfo } from '../../lib/spec.ts';

// ajv's standalone entry is CommonJS: under NodeNext its default export is the module object.
type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as StandaloneCode;

export interface GeneratedValidators {
  /** ESM source: one export per distinct response schema, Ajv runtime helpers still require()d (esbuild bundles them). */
  code: string;
  /** `${operationId} ${status}` → export name in `code`. */
  exports: Record<string, string>;
  /** `${operationId} ${status}` → export name of the same schema with its inferred constraints taken out (run only when the full one fails). */
  documentedExports: Record<string, string>;
  /** `${operationId} ${status}` of the bodies that are inferred as a whole (Core's error body): a non-JSON answer there is an assumption. */
  inferredBodies: string[];
  /** Formats the compiled schemas use. */
  formats: string[];
}

/** Regex features k6 (Go regexp / regexp2) rejects or handles differently. */
export const K6_UNSAFE_REGEX: { pattern: RegExp; what: string }[] = [
  { pattern: /\\u\{/, what: '\\u{...} escape' },
  { pattern: /\(\?<[=!]/, what: 'lookbehind' },
  { pattern: /\\p\{/i, what: 'unicode property escape' },
];

export function k6RegexProblem(source: string, flags = ''): string | undefined {
  for (const { pattern, what } of K6_UNSAFE_REGEX) if (pattern.test(source)) return what;
  if (/[uv]/.test(flags)) return `flag "${flags}"`;
  return undefined;
}

/** The k6-safe regex of a format: ajv-formats' fast variant, when it is a plain regex k6 accepts. */
export function k6FormatRegex(name: string): RegExp {
  const def = (fastFormats as Record<string, unknown>)[name];
  const regex = def instanceof RegExp ? def : (def as { validate?: unknown } | undefined)?.validate;
  if (!(regex instanceof RegExp)) {
    throw new Error(`The spec uses format "${name}", which has no regex variant in ajv-formats; add a k6-safe regex for it in load/build/validators.ts.`);
  }
  const problem = k6RegexProblem(regex.source, regex.flags);
  if (problem) throw new Error(`ajv-formats' regex for format "${name}" uses a ${problem}, which k6 rejects; add a k6-safe regex for it in load/build/validators.ts.`);
  return regex;
}

export function formatsUsed(schemas: Iterable<unknown>): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) { node.forEach(visit); return; }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else if (key !== 'example' && key !== 'examples' && !key.startsWith('x-')) visit(value); // x-inferred names keywords, it uses none
    }
  };
  for (const schema of schemas) visit(schema);
  return [...found].sort();
}

/**
 * Ajv checks `additionalProperties: false` with a `for…in` over the object's keys. In k6's
 * JavaScript engine (goja) that loop costs ~16 µs on a 9-key object, a loop over `Object.keys`
 * ~11 µs (measured in k6 v0.49), paid for every closed object of every checked response. Same
 * keys, same order for a JSON-parsed object (own properties only, nothing inherited is
 * enumerable), and `break`/`continue`/`return` in the body mean the same in either loop;
 * test/load/validator-loops.test.ts compares the two on generated objects.
 */
export function keyLoops(code: string): string {
  return code.replace(/for\(const (key\d+) in ([A-Za-z_$][\w$]*)\)\{/g,
    (_, key: string, data: string) => `for(let ${key}_i=0,${key}_all=Object.keys(${data});${key}_i<${key}_all.length;${key}_i++){const ${key}=${key}_all[${key}_i];`);
}

/** Standalone validators of every documented response (with a JSON body) of the given operations. */
export function generateValidators(spec: LoadedSpec, operationIds: readonly string[]): GeneratedValidators {
  const operations: OperationInfo[] = operationIds.map((id) => {
    const op = spec.operations.get(id);
    if (!op) throw new Error(`The load flows call "${id}", which is not in ${spec.api.specFile}.`);
    return op;
  });
  const responses: Array<{ key: string; schema: JsonSchema }> = [];
  for (const op of operations) {
    for (const [status, { schema }] of op.responses) if (schema) responses.push({ key: `${op.operationId} ${status}`, schema });
  }
  const formats = formatsUsed(responses.map((r) => r.schema));

  const ajv = new Ajv2020({
    code: { source: true, esm: true },
    strict: true,
    strictTypes: false, // allOf/oneOf compositions in OpenAPI omit `type` in branches on purpose
    allErrors: false, // the first problem is enough under load, and cheaper
    unicodeRegExp: false, // spec patterns as plain regexes: k6 rejects some `u`-flag syntax
    discriminator: true,
  });
  for (const name of formats) ajv.addFormat(name, k6FormatRegex(name));
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);
  registerExtensionKeywords([ajv], new Map(operations.map((op) => [op.operationId, op])));

  // Responses sharing one schema object (401, 404 …) get one export: Ajv's standalone code
  // would otherwise emit the same validate function twice under one name.
  const exportOf = new Map<JsonSchema, string>();
  const refs: Record<string, string> = {};
  const exports: Record<string, string> = {};
  const documentedExports: Record<string, string> = {};
  const inferredBodies: string[] = [];
  for (const { key, schema } of responses) {
    let name = exportOf.get(schema);
    if (!name) {
      name = `validate_${exportOf.size}`;
      exportOf.set(schema, name);
      ajv.addSchema(schema, name);
      ajv.addSchema(documentedOnly(schema) as JsonSchema, `${name}_documented`);
      refs[name] = name;
      refs[`${name}_documented`] = `${name}_documented`;
    }
    exports[key] = name;
    documentedExports[key] = `${name}_documented`;
    if (ownBasis(schema)?.provenance === 'inferred') inferredBodies.push(key);
  }
  const code = keyLoops(standaloneCode(ajv, refs));
  for (const m of code.matchAll(/new RegExp\("((?:[^"\\]|\\.)*)", "([a-z]*)"\)|\/((?:[^/\\\n]|\\.)+)\/([a-z]*)[;,)]/g)) {
    const source = m[1] ?? m[3];
    const problem = k6RegexProblem(source, m[2] ?? m[4]);
    if (problem) throw new Error(`A schema pattern compiles to a regex with a ${problem}, which k6 rejects: /${source}/. Simplify it in ${spec.api.specFile}.`);
  }
  return { code, exports, documentedExports, inferredBodies, formats };
}
