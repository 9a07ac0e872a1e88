// A node:test reporter for bench:tests: the time of each test file (the sum of its top-level
// tests and suites), written as JSON lines `{ "file": …, "ms": … }` to its destination.
export default async function* fileTimes(source) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      perFile.set(event.data.file, (perFile.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  for (const [file, ms] of perFile) yield `${JSON.stringify({ file, ms })}\n`;
}
