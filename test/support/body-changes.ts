// Example bodies changed at random, to compare two validators of the same schema: a key added to,
// removed from or replaced in any object of the body (or none), with names the bodies use and others.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface BodyChange { at: number; what: 'add' | 'remove' | 'replace' | 'none'; name: string; value: Json }

/** Every plain object inside a body (the body itself included), to change one of them. */
function objectsIn(value: Json, found: Record<string, Json>[] = []): Record<string, Json>[] {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, found));
  else if (value && typeof value === 'object') { found.push(value); Object.values(value).forEach((v) => objectsIn(v, found)); }
  return found;
}

/** Changes for these bodies: property names drawn from them, or short random ones. */
export function bodyChanges(bodies: Json[]): fc.Arbitrary<BodyChange> {
  const names = [...new Set(bodies.flatMap((body) => objectsIn(structuredClone(body)).flatMap((o) => Object.keys(o))))];
  return fc.record({
    at: fc.nat(),
    what: fc.constantFrom('add', 'remove', 'replace', 'none'),
    name: names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  });
}

/** A changed copy of `body` (a body with no object in it is copied unchanged). */
export function applyChange(body: Json, change: BodyChange): Json {
  const changed = structuredClone(body);
  const objects = objectsIn(changed);
  if (!objects.length) return changed;
  const target = objects[change.at % objects.length];
  const keys = Object.keys(target);
  if (change.what === 'add') target[change.name] = change.value;
  else if (change.what === 'remove' && keys.length) delete target[keys[change.at % keys.length]];
  else if (change.what === 'replace' && keys.length) target[keys[change.at % keys.length]] = change.value;
  return changed;
}
