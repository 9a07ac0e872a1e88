// `await expect(res).toMatchContract('getWallet', 200)`: the status is documented (or the one
// expected), the body is JSON and validates against the spec. Failure messages name everything
// needed to act on them, and never a card secret or a credential.
import { expect as baseExpect } from '@playwright/test';
import { describeRateLimit, reveal, type ApiResponse } from './client.ts';
import { contractFor } from './contract.ts';
import { apiProfile } from './apis.ts';
import { redactText, redactValue } from './redact.ts';
import type { ApiId } from './apis.ts';

const BODY_EXCERPT = 1500;

export function describeContractFailure(res: ApiResponse, operationId: string, expectedStatus?: number): string | undefined {
  const contract = contractFor(res.api as ApiId);
  const lines: string[] = [];
  if (operationId !== res.operationId) lines.push(`the response is from ${res.operationId}, not ${operationId}`);
  const prism = prismViolations(res);
  // A problem document from Prism's proxy is Prism's answer, not the server's: its headers say nothing about the server.
  const headers = prism.length ? undefined : res.headers;
  const check = contract.checkResponse(operationId, { status: res.status, contentType: res.contentType, body: reveal(res), headers }, expectedStatus);
  if (res.status === 429 && expectedStatus !== undefined && expectedStatus !== 429) lines.push(describeRateLimit(res));
  lines.push(...check.problems);
  lines.push(...check.violations.map((v) => `${v.pointer || '(root)'} ${v.message}`));
  if (prism.length) lines.unshift(...prism.map((v) => `Prism proxy: ${v}`));
  if (!lines.length) return undefined;
  return formatFailure(res, operationId, lines);
}

export function formatFailure(res: ApiResponse, operationId: string, problems: string[]): string {
  const spec = apiProfile(res.api as ApiId).specFile;
  return redactText([
    `Contract check failed: ${operationId} (${res.method} ${res.path}) on ${res.api}@${res.target} via ${res.via}`,
    `  status ${res.status}, content-type ${res.contentType || '(none)'}, ${res.traceSource ?? 'meta.traceId'} ${res.traceId ?? '(none)'}`,
    ...problems.map((p) => `  - ${p}`),
    `  body (secrets redacted): ${bodyExcerpt(res)}`,
    `  Next: compare the server's answer with ${spec} (operationId ${operationId}); quote the ${res.traceSource === 'X-Request-Id' ? 'X-Request-Id' : 'traceId'} to the provider. ` +
      `If the provider's docs changed, change the spec first, then the tests.`,
  ].join('\n'));
}

function bodyExcerpt(res: ApiResponse): string {
  const text = res.body === undefined ? res.text : JSON.stringify(redactValue(res.body));
  const redacted = redactText(text);
  return redacted.length > BODY_EXCERPT ? `${redacted.slice(0, BODY_EXCERPT)}… (${redacted.length} chars)` : redacted || '(empty)';
}

/** Prism's validating proxy (--errors) turns a response violation into a 500 problem+json. */
function prismViolations(res: ApiResponse): string[] {
  if (res.via !== 'proxy' || !/problem\+json/.test(res.contentType)) return [];
  const body = res.body as { title?: string; validation?: { location?: string[]; message?: string }[] } | undefined;
  const list = body?.validation ?? [];
  if (!list.length) return [body?.title ?? 'Prism answered with a problem document'];
  return list.map((v) => `${(v.location ?? []).join('.')}: ${v.message}`);
}

export const expect = baseExpect.extend({
  async toMatchContract(res: ApiResponse, operationId?: string, expectedStatus?: number) {
    const name = 'toMatchContract';
    const opId = operationId ?? res.operationId;
    const failure = describeContractFailure(res, opId, expectedStatus);
    const pass = failure === undefined;
    const message = () => pass
      ? `${this.utils.matcherHint(name, undefined, undefined, { isNot: this.isNot })}\n\n` +
        `Expected ${opId} (${res.method} ${res.path}) status ${res.status} NOT to match the contract, but it does.`
      : `${this.utils.matcherHint(name, undefined, undefined, { isNot: this.isNot })}\n\n${failure}`;
    return { pass, message, name, expected: expectedStatus, actual: res.status };
  },
});
