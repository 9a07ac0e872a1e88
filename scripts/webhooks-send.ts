// `npm run webhooks:send -- --url <your endpoint> [--api api-layer|sovera] [--processed-url <url>]`
// Fires the provider's documented notifications at your own webhook receiver and reports, per
// case, whether it answered as it should (lib/webhook-sender.ts). The key your receiver expects
// comes from WEBHOOK_KEY (never a flag: it would land in the shell history) and is never printed.
// Exit 0 when every case passes, 1 when one fails, 2 on a bad command or configuration.
import { parseArgs } from 'node:util';
import { APIS, type ApiId } from '../lib/apis.ts';
import { redactText, registerSecret } from '../lib/redact.ts';
import { sendCases, SendConfigError } from '../lib/webhook-sender.ts';

export const USAGE = `Usage: npm run webhooks:send -- --url <endpoint> [--api api-layer|sovera] [--processed-url <url>] [--timeout-ms N]
  --url            your webhook receiver: https, or http to loopback (127.0.0.1, ::1, localhost)
  --api            whose notifications to send (default api-layer: the documented common part and X-Webhook-Key)
  --processed-url  optional: GET <url>?id=<notification id> answers {"count": N}, how often your receiver
                   processed it; with it the duplicate and out-of-order cases check processing, not only answers
  --timeout-ms     per request (default 5000)
Environment: WEBHOOK_KEY, the key your receiver expects in X-Webhook-Key (api-layer).
Cases: valid (2xx), wrong key and missing key (401/403), malformed body (400), the same notification
twice (2xx both, processed once), out of order (both taken). At most 9 requests.`;

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: {
      url: { type: 'string' }, api: { type: 'string' }, 'processed-url': { type: 'string' }, 'timeout-ms': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (error) {
    console.error(`webhooks:send: ${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    return 2;
  }
  if (values.help) { console.log(USAGE); return 0; }
  const api = (values.api as string | undefined) ?? 'api-layer';
  if (!(api in APIS)) { console.error(`webhooks:send: --api must be one of ${Object.keys(APIS).join(', ')}, got "${api}"`); return 2; }
  if (typeof values.url !== 'string') { console.error(`webhooks:send: --url is required, e.g. --url http://127.0.0.1:3000/webhooks\n${USAGE}`); return 2; }
  const timeoutMs = values['timeout-ms'] === undefined ? 5_000 : Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) { console.error('webhooks:send: --timeout-ms must be a whole number from 100 to 60000'); return 2; }
  const key = process.env.WEBHOOK_KEY || undefined;
  if (key) registerSecret(key);
  try {
    console.log(`Sending ${api} notifications to ${values.url}`);
    const results = await sendCases({ url: values.url, api: api as ApiId, key, processedUrl: values['processed-url'] as string | undefined, timeoutMs }, (line) => console.log(redactText(line)));
    const failed = results.filter((r) => r.outcome === 'fail');
    console.log(failed.length
      ? `webhooks:send: ${failed.length} of ${results.length} cases failed: ${failed.map((r) => r.name).join(', ')}`
      : `webhooks:send: every case passed (${results.filter((r) => r.outcome === 'pass').length} passed, ${results.filter((r) => r.outcome === 'skip').length} skipped)`);
    return failed.length ? 1 : 0;
  } catch (error) {
    if (error instanceof SendConfigError) { console.error(`webhooks:send: ${error.message}`); return 2; }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
