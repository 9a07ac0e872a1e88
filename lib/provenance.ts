// What a check rests on: a sentence of the provider's docs (`documented`, with the doc and the
// section or quote) or the team's guess (`inferred`, with where the docs leave it open). The
// marking lives in the spec, at the level of a rule:
//   - `x-provenance` + `x-provenance-source` on an operation, a response (or next to a response's
//     $ref, where it overrides the component's), a header, or any schema node; a schema node's
//     marking holds for everything below it until another marking;
//   - `x-inferred: { <keyword>: <why> }` on a schema node whose other constraints are documented:
//     those keywords of this node are inferred (`required:<field>` for one required field);
//   - `x-rules` on an operation: the stateful rules the suite checks, each with its own marking,
//     and, for a refusal, the status it answers with that status's own marking.
// Pure and dependency-free: the k6 bundles classify contract violations with it too.

export type Provenance = 'documented' | 'inferred';

/** The ground a check stands on. */
export interface Basis {
  provenance: Provenance;
  /** Documented: the doc and the section or quote. Inferred: where the docs leave the point open, and what the spec assumed. */
  source: string;
}

export const PROVENANCE = 'x-provenance';
export const SOURCE = 'x-provenance-source';
export const INFERRED_KEYWORDS = 'x-inferred';

type Node = Record<string, unknown>;

/** The marking a node carries itself, if any. */
export function ownBasis(node: unknown): Basis | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as Node)[PROVENANCE];
  if (value !== 'documented' && value !== 'inferred') return undefined;
  // An operation's `x-provenance-note` (what the docs give, what is inferred) serves as its source.
  const source = (node as Node)[SOURCE] ?? (node as Node)['x-provenance-note'];
  return { provenance: value, source: typeof source === 'string' ? source : '(no source given)' };
}

/** Splits a JSON pointer or an Ajv schemaPath (`#/properties/a~1b/format`) into unescaped tokens. */
export function pointerTokens(pointer: string): string[] {
  const body = pointer.replace(/^#/, '');
  if (!body || body === '/') return [];
  return body.replace(/^\//, '').split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The basis of one constraint of a (dereferenced) schema: the constraint is keyword `keyword` of the
 * node at `nodeTokens` below `root`. `x-inferred` on that node wins; otherwise the nearest marking
 * on the way down from the root; otherwise `fallback`.
 */
export function basisOfConstraint(root: unknown, nodeTokens: string[], keyword: string, fallback: Basis, field?: string): Basis {
  let nearest = ownBasis(root) ?? fallback;
  let node: unknown = root;
  for (const token of nodeTokens) {
    node = node && typeof node === 'object' ? (node as Node)[token] : undefined;
    if (node === undefined) break;
    nearest = ownBasis(node) ?? nearest;
  }
  const inferred = node && typeof node === 'object' ? (node as Node)[INFERRED_KEYWORDS] : undefined;
  if (inferred && typeof inferred === 'object') {
    const why = (field !== undefined ? (inferred as Node)[`required:${field}`] : undefined) ?? (inferred as Node)[keyword];
    if (typeof why === 'string') return { provenance: 'inferred', source: why };
  }
  return nearest;
}

/** The basis of an Ajv error, from its schemaPath (the keyword is the last token). */
export function basisOfSchemaError(root: unknown, error: { schemaPath: string; keyword: string; params?: Record<string, unknown> }, fallback: Basis): Basis {
  const tokens = pointerTokens(error.schemaPath);
  const keyword = tokens.pop() ?? error.keyword;
  const field = error.keyword === 'required' ? String(error.params?.missingProperty ?? '') : undefined;
  return basisOfConstraint(root, tokens, keyword, fallback, field);
}

/** The strongest of several bases: documented when any is. */
export function strongest(bases: Basis[]): Basis | undefined {
  return bases.find((b) => b.provenance === 'documented') ?? bases[0];
}

/**
 * The shape of a value, never its content: `{error: string, detail: string}`, `[{id: string}] (3 items)`.
 * What a finding shows of a server's answer, so it can hold no secret and no personal data.
 */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[${depth > 3 ? '…' : shapeOf(value[0], depth + 1)}]${value.length > 1 ? ` (${value.length} items)` : ''}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Node);
    if (!entries.length) return '{}';
    if (depth > 3) return '{…}';
    return `{${entries.map(([k, v]) => `${k}: ${shapeOf(v, depth + 1)}`).join(', ')}}`;
  }
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** A JSON schema of a value's types, never its content: what a calibration proposes for a body the spec got wrong. */
export function schemaOfValue(value: unknown, depth = 0): Record<string, unknown> {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return depth > 4 || !value.length ? { type: 'array' } : { type: 'array', items: schemaOfValue(value[0], depth + 1) };
  if (typeof value === 'object') {
    const entries = Object.entries(value as Node);
    if (depth > 4) return { type: 'object' };
    return { type: 'object', required: entries.map(([k]) => k), properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOfValue(v, depth + 1)])) };
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return { type: typeof value };
}

/**
 * The schema with every inferred constraint taken out: inferred nodes accept anything, `x-inferred`
 * keywords are dropped (and inferred required fields), `oneOf` relaxes to `anyOf` (two branches
 * emptied that way would both match). What a response must satisfy for its documented rules alone:
 * the k6 bundles run it only when the full schema fails, to tell a contract failure from an assumption.
 */
export function documentedOnly(schema: unknown, inherited: Provenance = 'documented'): unknown {
  if (Array.isArray(schema)) return schema.map((item) => documentedOnly(item, inherited));
  if (!schema || typeof schema !== 'object') return schema;
  const node = schema as Node;
  const provenance = ownBasis(node)?.provenance ?? inherited;
  if (provenance === 'inferred') return {};
  const inferred = (node[INFERRED_KEYWORDS] && typeof node[INFERRED_KEYWORDS] === 'object' ? node[INFERRED_KEYWORDS] : {}) as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (key in inferred || key === 'example' || key === 'examples') continue;
    if (key === 'required' && Array.isArray(value)) {
      const kept = value.filter((field) => !(`required:${String(field)}` in inferred));
      if (kept.length) out.required = kept;
      continue;
    }
    out[key === 'oneOf' ? 'anyOf' : key] = documentedOnly(value, provenance);
  }
  return out;
}
