// The text of a failed check: headline (documented rule broken, or only inferred ones), status,
// trace id, the rule, the problems, a redacted body excerpt, what to do next. A module without
// Playwright, so the pre-flight (and the scripts that load it) can say it without loading the runner.
import { apiProfile, type ApiId } from './apis.ts';
import type { ApiResponse } from './client.ts';
import type { Finding } from './contract.ts';
import { redactText, redactValue } from './redact.ts';
import type { RuleInfo } from './spec.ts';
import { CONTRACT_FAILURE, UNCONFIRMED_ASSUMPTION } from './verdict-labels.ts';

const BODY_EXCERPT = 1500;

export function formatFailure(res: ApiResponse, operationId: string, problems: string[], findings: Finding[] = [], rule?: RuleInfo): string {
  const spec = apiProfile(res.api as ApiId).specFile;
  const documented = findings.some((f) => f.basis.provenance === 'documented' || f.kind === 'secret') || findings.length === 0;
  const headline = documented
    ? `${CONTRACT_FAILURE}: ${operationId} (${res.method} ${res.path}) on ${res.api}@${res.target} via ${res.via} breaks a documented rule`
    : `${UNCONFIRMED_ASSUMPTION}: ${operationId} (${res.method} ${res.path}) on ${res.api}@${res.target} via ${res.via} breaks only inferred rules (${enforcedBecause(res)})`;
  const next = documented
    ? `Next: the provider's docs state this (see the quote); quote the ${res.traceSource === 'X-Request-Id' ? 'X-Request-Id' : 'traceId'} to the provider. If the docs changed, change ${spec} first (operationId ${operationId}), then the tests.`
    : `Next: if the server is right, run without STRICT and review reports/calibration/${res.api}.overlay.yaml (npm run calibrate); if the twin is wrong, fix the spec or the twin.`;
  return redactText([
    headline,
    `  status ${res.status}, content-type ${res.contentType || '(none)'}, ${res.traceSource ?? 'meta.traceId'} ${res.traceId ?? '(none)'}`,
    ...(rule ? [`  rule ${rule.operationId}#${rule.id} (${rule.basis.provenance}): ${rule.statement}`] : []),
    ...problems.map((p) => `  - ${p}`),
    `  body (secrets redacted): ${bodyExcerpt(res)}`,
    `  ${next}`,
  ].join('\n'));
}

function enforcedBecause(res: ApiResponse): string {
  return res.target === 'sandbox' ? 'enforced by STRICT=1' : `enforced on the ${res.target}, which is built from the spec's inferences`;
}

function bodyExcerpt(res: ApiResponse): string {
  const text = res.body === undefined ? res.text : JSON.stringify(redactValue(res.body));
  const redacted = redactText(text);
  return redacted.length > BODY_EXCERPT ? `${redacted.slice(0, BODY_EXCERPT)}… (${redacted.length} chars)` : redacted || '(empty)';
}
