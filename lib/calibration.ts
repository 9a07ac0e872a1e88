// Calibration: turns the unconfirmed assumptions of a live run into an OpenAPI Overlay (OAI
// Overlay 1.0) that would make the spec's inferred parts say what the server did, and applies a
// reviewed overlay to the spec. Overlays are applied by openapi-format (a maintained
// implementation); this module only decides the actions and guards the result: an action that
// would change a documented rule is refused, because a server breaking a documented rule is a
// contract failure, not a calibration. The spec file keeps its comments and anchors: the changes
// the library computed are replayed onto the YAML document.
import { readFileSync, writeFileSync } from 'node:fs';
import { isAlias, isNode, parse, parseDocument, stringify, type Document } from 'yaml';
import { openapiOverlay } from 'openapi-format';
import { ownBasis, pointerTokens, type Basis } from './provenance.ts';
import type { AssumptionRecord } from './verdict.ts';

type Node = Record<string, unknown>;
type Path = (string | number)[];

export interface OverlayAction {
  target: string;
  description: string;
  update?: unknown;
  remove?: true;
}

export interface Overlay {
  overlay: '1.0.0';
  info: { title: string; version: string };
  extends: string;
  actions: OverlayAction[];
}

/** `$['paths']['/cards/status']['patch']` for a path of tokens. */
export function jsonPath(path: Path): string {
  return `$${path.map((t) => (typeof t === 'number' ? `[${t}]` : `['${String(t).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`)).join('')}`;
}

const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Where a path through the dereferenced spec (a response's schema, then an Ajv schemaPath) lives in
 * the raw document: $refs are followed wherever the next token is not a sibling of the $ref.
 * `followLast` also follows a $ref at the end (the schema a response points to).
 */
export function rawLocation(doc: Node, tokens: string[], followLast = false): Path | undefined {
  let path: Path = [];
  let node: unknown = doc;
  const follow = () => {
    for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < 20; hops++) {
      path = pointerTokens(node.$ref as string);
      node = getAt(doc, path);
    }
  };
  for (const token of tokens) {
    if (isObject(node) && !(token in node)) follow();
    if (Array.isArray(node)) { path = [...path, Number(token)]; node = node[Number(token)]; }
    else if (isObject(node)) { path = [...path, token]; node = node[token]; }
    else return undefined;
    if (node === undefined) return undefined;
  }
  if (followLast) follow();
  return path;
}

function getAt(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>((n, t) => (n && typeof n === 'object' ? (n as Node)[t as string] : undefined), doc);
}

/** What the raw document location rests on: its nearest marking, `x-inferred` of its parent for a keyword, a rule's status marking. */
export function basisAtRawPath(doc: Node, path: Path): Basis | undefined {
  let nearest: Basis | undefined;
  let node: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const parent = node;
    node = isObject(node) || Array.isArray(node) ? (node as Node)[path[i] as string] : undefined;
    const isLast = i === path.length - 1;
    if (isObject(parent) && isLast) {
      const why = isObject(parent['x-inferred']) ? (parent['x-inferred'] as Node)[String(path[i])] : undefined;
      if (typeof why === 'string') return { provenance: 'inferred', source: why };
      if ((path[i] === 'status' || path[i] === 'x-status-source') && (parent['x-status-provenance'] === 'documented' || parent['x-status-provenance'] === 'inferred')) {
        return { provenance: parent['x-status-provenance'], source: String(parent['x-status-source'] ?? '') };
      }
    }
    nearest = ownBasis(node) ?? nearest;
    if (node === undefined) break;
  }
  return nearest;
}

const SCHEMA_JSON = ['content', 'application/json', 'schema'];

/**
 * The overlay that would make the spec's inferred parts match what the server did, from the
 * run's assumption records of one API. Records it cannot turn into an action are returned with why.
 */
export function overlayFromAssumptions(specFile: string, doc: Node, records: AssumptionRecord[], when = new Date()): { overlay: Overlay; unhandled: { record: AssumptionRecord; why: string }[] } {
  const actions = new Map<string, OverlayAction>(); // by target + kind, so repeats collapse
  const replaced: Path[] = [];
  const unhandled: { record: AssumptionRecord; why: string }[] = [];
  const seen = `observed on ${[...new Set(records.map((r) => `${r.api}@${r.target}`))].join(', ')} on ${when.toISOString().slice(0, 10)}`;
  const add = (key: string, action: OverlayAction) => { if (!actions.has(key)) actions.set(key, action); };
  // A webhook's record names it as `webhooks › <operationId>` (lib/webhook-verdict.ts): its operation sits under the spec's webhooks.
  const opPath = (r: AssumptionRecord): string[] => r.path.startsWith(WEBHOOK_PATH_PREFIX)
    ? ['webhooks', webhookNameOf(doc, r.path.slice(WEBHOOK_PATH_PREFIX.length)), r.method.toLowerCase()]
    : ['paths', r.path, r.method.toLowerCase()];

  /** Drops an inferred constraint: the keyword at a node, or one field of its required list. */
  const dropConstraint = (record: AssumptionRecord, location: Path | undefined, keyword: string | undefined, field?: string): boolean => {
    if (!location || !keyword) return false;
    const nodePath = location.slice(0, -1);
    if (replaced.some((p) => jsonPath(nodePath).startsWith(jsonPath(p)))) return true;
    const constraintPath = keyword === 'required' && field ? [...nodePath, `required:${field}`] : location;
    const basis = keyword === 'required' && field ? basisOfRequired(doc, nodePath, field) : basisAtRawPath(doc, location);
    if (basis?.provenance !== 'inferred') { unhandled.push({ record, why: `the constraint ${jsonPath(constraintPath)} is documented: a contract failure, not a calibration` }); return true; }
    if (keyword === 'required' && field) {
      const required = (getAt(doc, [...nodePath, 'required']) as string[] | undefined) ?? [];
      const key = `required ${jsonPath(nodePath)}`;
      const previous = actions.get(`${key} update`)?.update as { required: string[] } | undefined;
      const remaining = (previous?.required ?? required).filter((f) => f !== field);
      add(`${key} remove`, { target: jsonPath([...nodePath, 'required']), remove: true, description: `Inferred: the list of required fields. ${seen}: ${record.operationId} went without "${field}".` });
      actions.set(`${key} update`, { target: jsonPath(nodePath), update: { required: remaining }, description: `Required fields without "${field}" (${record.operationId}: ${record.check}).` });
      return true;
    }
    add(`remove ${jsonPath(location)}`, { target: jsonPath(location), remove: true, description: `Inferred: ${basis.source}. ${seen}: ${record.operationId} ${record.check} (server answered ${record.observed}).` });
    return true;
  };

  for (const record of records) {
    const op = getAt(doc, opPath(record)) as Node | undefined;
    if (!op) { unhandled.push({ record, why: `no operation ${record.method} ${record.path} in ${specFile}` }); continue; }
    if (record.kind === 'schema' && record.schemaPath) {
      const tokens = pointerTokens(record.schemaPath);
      const keyword = tokens[tokens.length - 1];
      const start = [...opPath(record), 'responses', String(record.status), ...SCHEMA_JSON];
      const location = rawLocation(doc, [...start, ...tokens]);
      const root = rawLocation(doc, start, true);
      // A wholly inferred body schema (Core's error body) is replaced by the shape the server answered.
      if (root && record.bodySchema && ownBasis(getAt(doc, root))?.provenance === 'inferred' && !isObject((getAt(doc, root) as Node)?.['x-inferred'])) {
        if (!replaced.some((p) => jsonPath(p) === jsonPath(root))) {
          replaced.push(root);
          const name = root[root.length - 1];
          const previous = getAt(doc, root) as Node;
          add(`replace ${jsonPath(root)}`, { target: jsonPath(root), remove: true, description: `Inferred: ${String(previous['x-provenance-source'])}. Replaced by what the server answered.` });
          // Examples of the old body would no longer validate: they go with it.
          for (const examplePath of examplesOf(doc, `#/${root.join('/')}`)) {
            add(`example ${jsonPath(examplePath)}`, { target: jsonPath(examplePath), remove: true, description: `An example of the replaced ${String(name)}.` });
          }
          add(`replace-with ${jsonPath(root)}`, {
            target: jsonPath(root.slice(0, -1)),
            update: { [name]: { ...record.bodySchema, 'x-provenance': 'inferred', 'x-provenance-source': `calibrated: ${seen}, ${record.operationId} ${record.status} answered ${record.observed}; the docs give no such body` } },
            description: `The body ${record.operationId} ${record.status} answered (types only).`,
          });
        }
        continue;
      }
      const field = keyword === 'required' ? String(record.params?.missingProperty ?? '') : undefined;
      if (!dropConstraint(record, location, keyword, field)) unhandled.push({ record, why: `cannot locate ${record.schemaPath} in the raw spec` });
    } else if (record.kind === 'request') {
      for (const v of record.requestViolations ?? []) {
        const tokens = pointerTokens(v.schemaPath ?? '');
        const keyword = tokens[tokens.length - 1];
        const location = rawLocation(doc, [...opPath(record), 'requestBody', ...SCHEMA_JSON, ...tokens]);
        const field = keyword === 'required' ? String(v.params?.missingProperty ?? '') : undefined;
        if (!dropConstraint(record, location, keyword, field)) unhandled.push({ record, why: `cannot locate ${v.schemaPath} in the request schema` });
      }
    } else if ((record.kind === 'status' || record.kind === 'rule') && record.ruleId) {
      const [ruleOp, ruleId] = record.ruleId.split('#');
      const ruleOpPath = operationPath(doc, ruleOp);
      const rulePath: Path = [...(ruleOpPath ?? []), 'x-rules', ruleId];
      const rule = getAt(doc, rulePath) as Node | undefined;
      if (!ruleOpPath || !rule) { unhandled.push({ record, why: `no rule ${record.ruleId}` }); continue; }
      const sameClass = record.expectedStatus !== undefined && record.status > 0 && Math.floor(record.status / 100) === Math.floor(record.expectedStatus / 100);
      if (sameClass && rule['x-status-provenance'] === 'inferred') {
        add(`rule-status ${jsonPath(rulePath)}`, {
          target: jsonPath(rulePath),
          update: { status: record.status, 'x-status-source': `calibrated: ${seen}, answered ${record.status} (the spec assumed ${record.expectedStatus}: ${String(rule['x-status-source'] ?? '')})` },
          description: `Rule ${record.ruleId}: ${record.operationId} refuses with ${record.status}, not ${record.expectedStatus}.`,
        });
        addResponse(record, op);
      } else if (rule['x-provenance'] === 'inferred') {
        add(`rule-remove ${jsonPath(rulePath)}`, { target: jsonPath(rulePath), remove: true, description: `Inferred rule ${record.ruleId} ("${String(rule.statement)}") does not hold: ${seen}, ${record.operationId} answered ${record.observed}.` });
      } else {
        unhandled.push({ record, why: `rule ${record.ruleId} is documented` });
      }
    } else if (record.kind === 'status' && record.status > 0 && !isObject((op.responses as Node | undefined)?.[String(record.status)])) {
      addResponse(record, op);
    } else {
      unhandled.push({ record, why: 'no overlay action can express this; change the spec or the test by hand' });
    }
  }

  function addResponse(record: AssumptionRecord, op: Node): void {
    const responses = (op.responses ?? {}) as Node;
    if (isObject(responses[String(record.status)])) return;
    const like = responses[String(record.expectedStatus ?? '')] as Node | undefined;
    const ref = isObject(like) && typeof like.$ref === 'string' ? like.$ref : undefined;
    if (!ref) { unhandled.push({ record, why: `cannot tell which response ${record.status} answers with` }); return; }
    add(`response ${record.operationId} ${record.status}`, {
      target: jsonPath([...opPath(record), 'responses']),
      update: { [String(record.status)]: { $ref: ref, 'x-provenance': 'inferred', 'x-provenance-source': `calibrated: ${seen}, ${record.operationId} answered ${record.status} (${record.check})` } },
      description: `${record.operationId} answers ${record.status}, which the spec did not list.`,
    });
  }

  return {
    overlay: { overlay: '1.0.0', info: { title: `Calibration of ${specFile} from unconfirmed assumptions`, version: when.toISOString() }, extends: specFile, actions: [...actions.values()] },
    unhandled,
  };
}

/** Every `example` next to a schema that is exactly a $ref to `ref` (media types of responses and request bodies). */
function examplesOf(doc: Node, ref: string): Path[] {
  const found: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (!isObject(node)) return;
    if (isObject(node.schema) && node.schema.$ref === ref && 'example' in node) found.push([...path, 'example']);
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(doc, []);
  return found;
}

/** The raw path of the operation with this operationId. */
function operationPath(doc: Node, operationId: string): string[] | undefined {
  for (const [template, item] of Object.entries((doc.paths ?? {}) as Record<string, Node>)) {
    for (const [method, op] of Object.entries(item ?? {})) if (isObject(op) && op.operationId === operationId) return ['paths', template, method];
  }
  return undefined;
}

function basisOfRequired(doc: Node, nodePath: Path, field: string): Basis | undefined {
  const node = getAt(doc, nodePath) as Node | undefined;
  const inferred = isObject(node?.['x-inferred']) ? (node!['x-inferred'] as Node) : undefined;
  const why = inferred?.[`required:${field}`] ?? inferred?.required;
  if (typeof why === 'string') return { provenance: 'inferred', source: why };
  return basisAtRawPath(doc, nodePath);
}

/** Writes an overlay as YAML, with the records no action covers as comments for the reviewer. */
export function overlayYaml(overlay: Overlay, unhandled: { record: AssumptionRecord; why: string }[]): string {
  const notes = unhandled.map(({ record, why }) => `#   - ${record.operationId}: ${record.check} (answered ${record.observed}): ${why}`.replace(/\n/g, ' '));
  return [
    `# Proposed by the harness from a live run's unconfirmed assumptions. Review each action, then apply:`,
    `#   npm run calibrate -- apply <this file>`,
    `# Only inferred parts of the spec are changed; a documented rule is never calibrated away.`,
    ...(notes.length ? ['# Findings no action covers (change the spec or the test by hand):', ...notes] : []),
    stringify(overlay, { lineWidth: 0 }),
  ].join('\n');
}

export interface ApplyResult {
  changed: string[];
  unused: string[];
}

/** A change the overlay makes to the document: a path, and the new value (undefined: removed). */
interface Change { path: Path; value: unknown; removed: boolean }

/**
 * Applies an overlay to a spec file (in place, or to `outFile`), refusing any change to a
 * documented part. Comments and anchors of the file survive: the library's result is diffed
 * against the original and the differences are set on the YAML document.
 */
export async function applyOverlay(overlayFile: string, specFile: string, outFile = specFile): Promise<ApplyResult> {
  const overlay = parse(readFileSync(overlayFile, 'utf8')) as Overlay;
  const text = readFileSync(specFile, 'utf8');
  // Aliases parse into one shared object; the overlay works on a copy where each use is its own.
  const original = parse(text, { merge: true }) as Node;
  const { data, resultData } = await openapiOverlay(JSON.parse(JSON.stringify(original)) as never, { overlaySet: overlay } as never) as unknown as { data: Node; resultData: { unusedActions: OverlayAction[] } };
  const changes = diff(original, data, []);
  const refused = changes.filter((c) => !changeAllowed(original, c));
  if (refused.length) {
    throw new Error(`Refused: the overlay would change documented rules (a server breaking those is a contract failure, not a calibration):\n` +
      refused.map((c) => `  ${jsonPath(c.path)} (documented: ${basisAtRawPath(original, c.path)?.source ?? '?'})`).join('\n'));
  }
  const yamlDoc = parseDocument(text);
  for (const c of [...changes].sort((a, b) => b.path.length - a.path.length)) {
    unaliasAlong(yamlDoc, c.path);
    if (c.removed) yamlDoc.deleteIn(c.path);
    else yamlDoc.setIn(c.path, yamlDoc.createNode(c.value));
  }
  writeFileSync(outFile, yamlDoc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return { changed: changes.map((c) => `${c.removed ? 'removed' : 'set'} ${jsonPath(c.path)}`), unused: (resultData?.unusedActions ?? []).map((a) => a.target) };
}

/** A change may touch only inferred parts; a new node may be added only when it is itself marked inferred. */
function changeAllowed(doc: Node, change: Change): boolean {
  const existing = getAt(doc, change.path);
  if (existing === undefined) {
    const own = ownBasis(change.value);
    if (own) return own.provenance === 'inferred';
    return basisAtRawPath(doc, change.path.slice(0, -1))?.provenance !== 'documented' || isRuleOrInferredSibling(doc, change.path);
  }
  const last = change.path[change.path.length - 1];
  // An example illustrates a schema; it is no rule (the lint checks it against the schema).
  if (change.removed && (last === 'example' || last === 'examples')) return true;
  if (typeof last === 'string' && (last === 'x-provenance' || last === 'x-status-provenance')) return existing === 'inferred' && change.value === 'inferred';
  if (last === 'required' && Array.isArray(existing) && Array.isArray(change.value) && basisAtRawPath(doc, change.path)?.provenance !== 'inferred') {
    // A required list may only lose fields it holds on an inferred basis.
    const kept = change.value as unknown[];
    const removed = existing.filter((f) => !kept.includes(f));
    return kept.every((f) => existing.includes(f)) && removed.every((f) => basisOfRequired(doc, change.path.slice(0, -1), String(f))?.provenance === 'inferred');
  }
  return basisAtRawPath(doc, change.path)?.provenance === 'inferred';
}

/** A new key the parent's `x-inferred` names (an inferred keyword put back), or the status (and its source) of a rule whose status is inferred. */
function isRuleOrInferredSibling(doc: Node, path: Path): boolean {
  const parent = getAt(doc, path.slice(0, -1)) as Node | undefined;
  const last = String(path[path.length - 1]);
  if (isObject(parent?.['x-inferred']) && typeof (parent!['x-inferred'] as Node)[last] === 'string') return true;
  return isObject(parent) && parent['x-status-provenance'] === 'inferred' && (last === 'status' || last === 'x-status-source');
}

/**
 * A change below a YAML alias (`responses: *cardUpdateResponses`) applies to that use only: the
 * alias on the path is replaced by a copy of what it points to, so the anchor and its other uses
 * keep their values (the diff was taken with merged aliases: per use).
 */
function unaliasAlong(doc: Document, path: Path): void {
  for (let i = 1; i < path.length; i++) {
    const node = doc.getIn(path.slice(0, i), true);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (isNode(target)) {
        const copy = target.clone();
        (copy as { anchor?: string }).anchor = undefined;
        doc.setIn(path.slice(0, i), copy);
      }
    }
  }
}

function diff(before: unknown, after: unknown, path: Path): Change[] {
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => {
      if (!(k in after)) return [{ path: [...path, k], value: undefined, removed: true }];
      if (!(k in before)) return [{ path: [...path, k], value: after[k], removed: false }];
      return diff(before[k], after[k], [...path, k]);
    });
  }
  // Lists of schemas (allOf, anyOf, oneOf) of the same length: element by element, so a change
  // inside an inferred element is judged on that element's basis, not on its documented parent's.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isObject)) {
    return before.flatMap((item, i) => diff(item, after[i], [...path, i]));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, value: after, removed: false }];
}

/** How an assumption about a webhook names its operation in `path`. */
export const WEBHOOK_PATH_PREFIX = 'webhooks › ';

/** The key under `webhooks` of the webhook with this operationId (the name, when none matches). */
function webhookNameOf(document: unknown, operationId: string): string {
  const hooks = ((document as { webhooks?: Record<string, Record<string, { operationId?: string }>> }).webhooks ?? {});
  return Object.entries(hooks).find(([, item]) => Object.values(item).some((op) => op?.operationId === operationId))?.[0] ?? operationId;
}
