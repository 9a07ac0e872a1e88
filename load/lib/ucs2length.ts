// The string length JSON Schema means (code points, not UTF-16 units), for Ajv's standalone
// validators in the k6 bundles: the bundler puts it in place of ajv/dist/runtime/ucs2length.
// Ajv's own counts with a loop over every character; in k6's JavaScript engine that loop was
// more than half the cost of validating a response (a card: 112 µs, 43 µs without it). The count
// is the same; the loop runs only for strings that hold a surrogate.
const SURROGATE = /[\uD800-\uDFFF]/;

export default function ucs2length(str: string): number {
  const len = str.length;
  if (!SURROGATE.test(str)) return len;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    // A high surrogate followed by a low one is one character.
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}
