// Every documented fact of a raw spec, as comparable strings: each constraint of a node that rests
// on the docs (its keyword and value), each documented response, rule and rule status. A
// calibration may add and change inferred parts; it must leave all of these as they were.
import { ownBasis } from '../../lib/provenance.ts';

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

export function documentedFacts(doc: unknown): Set<string> {
  const facts = new Set<string>();
  const walk = (node: unknown, path: string, documented: boolean) => {
    if (Array.isArray(node)) { node.forEach((item, i) => walk(item, `${path}/${i}`, documented)); return; }
    if (!isObject(node)) return;
    const own = ownBasis(node);
    const here = own ? own.provenance === 'documented' : documented;
    const inferred = isObject(node['x-inferred']) ? node['x-inferred'] : {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') && key !== 'x-rules') continue;
      if (key === 'description' || key === 'example' || key === 'examples' || key === 'summary') continue;
      // A list of schemas (allOf, anyOf, oneOf) is judged element by element, each on its own basis.
      const schemaList = Array.isArray(value) && value.some(isObject);
      if (here && !(key in inferred) && !isObject(value) && !schemaList && !(key === 'required' && Object.keys(inferred).some((k) => k.startsWith('required')))) {
        facts.add(`${path}/${key}=${JSON.stringify(value)}`);
      }
      if (key === 'status' && typeof value === 'number' && node['x-status-provenance'] === 'inferred') facts.delete(`${path}/${key}=${JSON.stringify(value)}`);
      walk(value, `${path}/${key}`, here);
    }
  };
  walk(doc, '', false);
  return facts;
}
