// Reads every text a report holds, including the Playwright HTML report's data, which is a
// base64 zip embedded in index.html (a plain scan of the file would miss a leak there).
import { inflateRawSync } from 'node:zlib';

export function embeddedZipTexts(html: string): string[] {
  const match = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html);
  return match ? unzipTexts(Buffer.from(match[1], 'base64')) : [];
}

/** Every entry of a zip, as text: enough of the format for Playwright's report (stored or deflated). */
export function unzipTexts(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const local = zip.readUInt32LE(entry + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    texts.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return texts;
}
