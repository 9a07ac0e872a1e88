// Spectral function (ESM). Given the whole (unresolved) document, reports every place where the
// provenance marking is missing or malformed, so no check of the harness can rest on an unmarked
// guess (see the spec's "Provenance of every rule"):
//   - every response of every operation is marked: on the response, next to its $ref (which
//     overrides the component's), or on the component response it refers to;
//   - every component schema is marked, unless it is only a $ref to another one;
//   - every component header and security scheme is marked;
//   - every marking is documented | inferred and says where it comes from (x-provenance-source,
//     or x-provenance-note on an operation);
//   - every x-inferred is a map of keyword → why; every x-rules entry has a statement, a marking,
//     and for a status, a status the operation documents with its own marking.
// The rule must run with `resolved: false`: $ref siblings and component names are gone otherwise.
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const componentName = (ref, kind) => {
  const prefix = `#/components/${kind}/`;
  return typeof ref === 'string' && ref.startsWith(prefix) ? decodeURIComponent(ref.slice(prefix.length)) : undefined;
};
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export default function provenanceComplete(document) {
  const results = [];
  const report = (path, message) => results.push({ message, path });
  if (!isObject(document)) return results;
  const components = document.components ?? {};

  // Every marking anywhere: a known value and a source.
  const visit = (node, path) => {
    if (Array.isArray(node)) { node.forEach((item, i) => visit(item, [...path, i])); return; }
    if (!isObject(node)) return;
    const isOperation = path.length === 3 && path[0] === 'paths' && METHODS.includes(path[2]);
    if ('x-provenance' in node) {
      const value = node['x-provenance'];
      if (value !== 'documented' && value !== 'inferred') report([...path, 'x-provenance'], `x-provenance must be documented or inferred, not ${JSON.stringify(value)}.`);
      const source = node['x-provenance-source'] ?? (isOperation ? node['x-provenance-note'] : undefined);
      if (typeof source !== 'string' || !source.trim()) report(path, `x-provenance: ${value} needs x-provenance-source: the doc and section it rests on, or where the docs leave it open.`);
    }
    if ('x-inferred' in node) {
      const inferred = node['x-inferred'];
      if (!isObject(inferred) || !Object.values(inferred).every((why) => typeof why === 'string' && why.trim())) {
        report([...path, 'x-inferred'], 'x-inferred must map each inferred keyword (or required:<field>) to why it is inferred.');
      }
    }
    for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
  };
  visit(document.paths ?? {}, ['paths']);
  visit(components, ['components']);

  // Every response of every operation is marked, and every rule is complete.
  const marked = (node) => isObject(node) && (node['x-provenance'] === 'documented' || node['x-provenance'] === 'inferred');
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!isObject(op)) continue;
      const opPath = ['paths', template, method];
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const component = components.responses?.[componentName(response?.$ref, 'responses')];
        if (!marked(response) && !marked(component)) {
          report([...opPath, 'responses', status], `Response ${status} of ${op.operationId ?? `${method} ${template}`} has no x-provenance (on it, next to its $ref, or on its component).`);
        }
      }
      for (const [id, rule] of Object.entries(op['x-rules'] ?? {})) {
        const rulePath = [...opPath, 'x-rules', id];
        if (!isObject(rule)) { report(rulePath, `Rule ${id} must be an object.`); continue; }
        if (typeof rule.statement !== 'string' || !rule.statement.trim()) report(rulePath, `Rule ${id} needs a statement: what the server must do.`);
        if (!marked(rule)) report(rulePath, `Rule ${id} needs x-provenance (documented or inferred) and x-provenance-source.`);
        if (rule.status !== undefined) {
          if (!Object.keys(op.responses ?? {}).includes(String(rule.status))) report([...rulePath, 'status'], `Rule ${id} answers ${rule.status}, a status ${op.operationId} does not document.`);
          if (rule['x-status-provenance'] !== 'documented' && rule['x-status-provenance'] !== 'inferred') report(rulePath, `Rule ${id} gives a status: it needs x-status-provenance (documented or inferred).`);
          if (typeof rule['x-status-source'] !== 'string' || !rule['x-status-source'].trim()) report(rulePath, `Rule ${id} gives a status: it needs x-status-source.`);
        }
      }
    }
  }

  // Components that checks rest on are marked.
  for (const [name, schema] of Object.entries(components.schemas ?? {})) {
    const alias = isObject(schema) && typeof schema.$ref === 'string';
    if (!alias && !marked(schema)) report(['components', 'schemas', name], `Schema ${name} has no x-provenance: say whether the docs define it (and where) or the team inferred it.`);
  }
  for (const kind of ['headers', 'securitySchemes']) {
    for (const [name, node] of Object.entries(components[kind] ?? {})) {
      if (!marked(node)) report(['components', kind, name], `${kind === 'headers' ? 'Header' : 'Security scheme'} ${name} has no x-provenance.`);
    }
  }
  return results;
}
