// `await expect(res).toMatchContract('getWallet', 200)`: the status is documented (or the one
// expected), the body is JSON and validates against the spec.
// `await expect(res).toFollowRule('addBalance#refused-when-blocked')`: the answer against a stateful
// rule of the spec's x-rules (named `operationId#id`): the refusal on the rule's basis, its status
// on the status's basis, the body against the contract.
// Every finding carries what it rests on: a broken documented rule fails everywhere; a broken
// inferred one fails on the twin, the mock and with STRICT=1, and is otherwise recorded as an
// unconfirmed assumption (annotation + attachment for the reporter) while the test goes on.
// Failure messages name everything needed to act on them, and never a card secret or a credential.
import { expect as baseExpect, test } from '@playwright/test';
import { describeRateLimit, type ApiResponse } from './client.ts';
import { contractFor } from './contract.ts';
import { redactText } from './redact.ts';
import { formatFailure } from './failure-message.ts';
import type { RuleInfo } from './spec.ts';
import type { Basis } from './provenance.ts';
import { assumptionRecord, describeFindings, verdictOf, type AssumptionRecord } from './verdict.ts';
import type { ApiId } from './apis.ts';

import { ASSUMPTION_ANNOTATION, ASSUMPTION_ATTACHMENT, CONTRACT_FAILURE, FAILED_CHECK_ANNOTATION, UNCONFIRMED_ASSUMPTION } from './verdict-labels.ts';

export { ASSUMPTION_ANNOTATION, ASSUMPTION_ATTACHMENT, CONTRACT_FAILURE, FAILED_CHECK_ANNOTATION };

/** The failure message for `res`, or undefined when nothing fails on this target (assumptions are recorded). */
export async function describeContractFailure(res: ApiResponse, operationId: string, expected?: number | RuleInfo): Promise<string | undefined> {
  const lines: string[] = [];
  if (operationId !== res.operationId) lines.push(`the response is from ${res.operationId}, not ${operationId}`);
  const verdict = verdictOf(res, operationId, expected);
  if (verdict.premiseGone && !verdict.failing.length && !lines.length) skipTest(verdict.premiseGone);
  const expectedStatus = typeof expected === 'object' ? expected.status : expected;
  if (res.status === 429 && expectedStatus !== undefined && expectedStatus !== 429) lines.push(describeRateLimit(res));
  for (const finding of verdict.assumptions) await recordAssumption(assumptionRecord(res, operationId, finding, expected));
  if (!verdict.failing.length && !lines.length) return undefined;
  const rule = typeof expected === 'object' ? expected : undefined;
  return formatFailure(res, operationId, [...lines, ...describeFindings(verdict.failing)], verdict.failing, rule);
}

/** The running Playwright test, if any: the verdicts are also used outside a test (pre-flight, unit tests). */
function currentTest(): ReturnType<typeof test.info> | undefined {
  try { return test.info(); } catch { return undefined; }
}

function skipTest(reason: string): void {
  const info = currentTest();
  if (info) info.skip(true, reason);
  else throw new Error(`skipped: ${reason}`);
}

/** Records an unconfirmed assumption on the running test: a readable annotation and the record for the reporter. */
export async function recordAssumption(record: AssumptionRecord): Promise<void> {
  const info = currentTest();
  if (!info) return; // outside a test there is no report to list it in (the pre-flight counts them itself)
  const line = redactText(`${record.operationId} on ${record.api}@${record.target}: ${record.check} — the server answered ${record.observed}. ` +
    `Inferred: ${record.source}.${record.ruleId ? ` (rule ${record.ruleId})` : ''}${record.traceId ? ` Trace ${record.traceId}.` : ''}`);
  info.annotations.push({ type: ASSUMPTION_ANNOTATION, description: line });
  await info.attach(ASSUMPTION_ATTACHMENT, { body: redactText(JSON.stringify(record)), contentType: 'application/json' });
}

/**
 * One check with a basis that is not a response's or a rule's (an undeclared method's 405, the
 * spec's `info.x-undeclared-methods`): not `ok` fails on a documented basis or a strict target,
 * and is otherwise recorded as an unconfirmed assumption; `fatal` (a 5xx) fails everywhere.
 */
export async function checkFinding(where: { api: string; target: string; strict: boolean }, finding: { text: string; basis: Basis; ok: boolean; fatal?: boolean; operationId?: string }): Promise<void> {
  if (finding.ok) return;
  const documented = finding.basis.provenance === 'documented' || finding.fatal;
  if (documented || where.strict) {
    const tag = documented ? CONTRACT_FAILURE : UNCONFIRMED_ASSUMPTION;
    throw new Error(redactText(`${tag}: ${finding.text} on ${where.api}@${where.target} (${finding.fatal ? 'a 5xx is the server failing (RFC 9110 §15.6)' : `${finding.basis.provenance}: ${finding.basis.source}`})`));
  }
  await recordAssumption({
    api: where.api, target: where.target, operationId: finding.operationId ?? '(path)', method: '', path: '', kind: 'status',
    check: finding.text, source: finding.basis.source, observed: finding.text, status: 0,
  });
}

/**
 * Runs the checks of one stateful rule (`x-rules` of the spec). When they fail and the rule is
 * inferred, on a live target without STRICT the failure becomes an unconfirmed assumption and the
 * test goes on; otherwise it fails, naming the rule, its basis and its source. A contract failure
 * raised inside (a documented response rule) always fails. A rule the spec no longer has (removed
 * by a calibration) skips the test, saying so.
 */
export async function checkRule(res: { api: string; target: string; strict: boolean }, ref: string, body: () => Promise<void> | void): Promise<void> {
  const [operationId, ruleId] = splitRule(ref);
  const op = contractFor(res.api as ApiId).operation(operationId);
  const rule = op.rules.get(ruleId);
  if (!rule) {
    skipTest(`the spec has no rule ${operationId}#${ruleId} any more (calibrated away?), so it is not checked`);
    return;
  }
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes(CONTRACT_FAILURE) || message.includes(UNCONFIRMED_ASSUMPTION)) throw error;
    if (rule.basis.provenance === 'documented' || res.strict) {
      const tag = rule.basis.provenance === 'documented' ? CONTRACT_FAILURE : UNCONFIRMED_ASSUMPTION;
      const err = new Error(redactText(`${tag}: rule ${operationId}#${ruleId} on ${res.api}@${res.target} (${rule.basis.provenance}: ${rule.basis.source})\n  ${rule.statement}\n  ${message}`));
      // Keep the frames of the assertion that failed, so the report points at its line in the test.
      const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
      err.stack = [err.message, ...frames].join('\n');
      throw err;
    }
    await recordAssumption({
      api: res.api, target: res.target, operationId, method: op.method.toUpperCase(), path: op.path, kind: 'rule',
      check: `rule ${ref}: ${rule.statement}`, source: rule.basis.source, observed: firstLine(message), status: 0, ruleId: ref,
    });
  }
}

/** `addBalance#refused-when-blocked` → [addBalance, refused-when-blocked]. */
export function splitRule(ref: string): [string, string] {
  const at = ref.indexOf('#');
  if (at < 1 || at === ref.length - 1) throw new Error(`A rule is named operationId#ruleId, not "${ref}".`);
  return [ref.slice(0, at), ref.slice(at + 1)];
}

/** The line of an assertion message that says what was wrong, without terminal colours (they would land in JSON and JUnit). */
function firstLine(text: string): string {
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return redactText(plain.split('\n').find((l) => l.trim() && !/^\s*(Error:|expect\()/.test(l))?.trim() ?? plain.split('\n')[0]).slice(0, 300);
}

export const expect = baseExpect.extend({
  async toMatchContract(res: ApiResponse, operationId?: string, expectedStatus?: number) {
    return matchResult(this, 'toMatchContract', res, operationId ?? res.operationId, expectedStatus);
  },
  /** The answer follows rule `operationId#ruleId` of the spec's x-rules: refused (or not) as the rule says, with its status, in the contract. */
  async toFollowRule(res: ApiResponse, ref: string) {
    const [operationId, ruleId] = splitRule(ref);
    const rule = contractFor(res.api as ApiId).operation(operationId).rules.get(ruleId);
    if (!rule) skipTest(`the spec has no rule ${ref} any more (calibrated away?), so it is not checked`);
    return matchResult(this, 'toFollowRule', res, res.operationId, rule);
  },
});

async function matchResult(ctx: { isNot: boolean; utils: { matcherHint: (...args: any[]) => string } }, name: string, res: ApiResponse, operationId: string, expected?: number | RuleInfo) {
  const failure = await describeContractFailure(res, operationId, expected);
  const pass = failure === undefined;
  if (!pass && !ctx.isNot) currentTest()?.annotations.push({ type: FAILED_CHECK_ANNOTATION, description: `${operationId} ${res.status}` });
  const hint = ctx.utils.matcherHint(name, undefined, undefined, { isNot: ctx.isNot });
  const message = () => pass
    ? `${hint}\n\nExpected ${operationId} (${res.method} ${res.path}) status ${res.status} NOT to match the contract, but it does.`
    : `${hint}\n\n${failure}`;
  const status = typeof expected === 'object' ? expected.status : expected;
  return { pass, message, name, expected: status, actual: res.status };
}
