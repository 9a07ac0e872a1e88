// Two verdicts for every check of a response. A *contract failure* breaks a documented rule and
// fails on every target. An *unconfirmed assumption* breaks only an inferred one: it fails where
// the inferences are the point (the twin and the mock, built from them; a live run with
// STRICT=1), and elsewhere is reported as a finding a person can act on, with what the spec
// assumed, what the server did, and the doc section that left the point open.
import { reveal, type ApiResponse } from './client.ts';
import { contractFor, type Finding } from './contract.ts';
import { pointerTokens, schemaOfValue, shapeOf, strongest, type Basis } from './provenance.ts';
import type { RuleInfo } from './spec.ts';
import type { ApiId } from './apis.ts';

export interface Verdict {
  /** Everything wrong, each with its basis. */
  findings: Finding[];
  /** The findings that fail the check on this target. */
  failing: Finding[];
  /** Inferred findings reported instead of failed (a live target without STRICT). */
  assumptions: Finding[];
  /** Set when the check's premise is gone from the spec (a calibrated spec accepts the request): skip, with this reason. */
  premiseGone?: string;
  /** Findings in records of the account this test did not create, left out (other tests', other people's data). */
  notChecked: number;
}

/** The machine-readable form of one unconfirmed assumption: the reporter lists it, the calibration turns it into an overlay action. */
export interface AssumptionRecord {
  api: string;
  target: string;
  operationId: string;
  method: string;
  path: string;
  kind: Finding['kind'] | 'rule';
  /** What broke, in one line. */
  check: string;
  /** Where the docs leave the point open, and what the spec assumed. */
  source: string;
  /** What the server did: status, content type and the shape of the body (never values). */
  observed: string;
  status: number;
  expectedStatus?: number;
  ruleId?: string;
  traceId?: string;
  /** Schema findings: where the broken constraint sits in the schema of `status`. */
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  pointer?: string;
  /** A request the spec calls invalid that the server accepted: the constraints it broke. */
  requestViolations?: { pointer: string; schemaPath?: string; keyword?: string; params?: Record<string, unknown>; message: string }[];
  /** The body's types (no values), for a calibration that replaces a wholly inferred schema. */
  bodySchema?: Record<string, unknown>;
}

type StatusClass = 'success' | 'refusal' | 'error' | 'other';
const classOf = (status: number): StatusClass => status < 200 ? 'other' : status < 300 ? 'success' : status < 500 && status >= 400 ? 'refusal' : status >= 500 ? 'error' : 'other';

/**
 * The verdict on `res` as an answer of `operationId`, expected to answer `expected`: a status, a
 * rule of the spec (`x-rules`, whose status and refusal carry their own bases), or nothing.
 */
export function verdictOf(res: ApiResponse, operationId: string, expected?: number | RuleInfo): Verdict {
  const contract = contractFor(res.api as ApiId);
  const op = contract.operation(operationId);
  const rule = typeof expected === 'object' ? expected : undefined;
  const expectedStatus = typeof expected === 'number' ? expected : rule?.status;
  let basis: Basis | undefined;
  let about: 'status' | 'request' = 'status';
  let premiseGone: string | undefined;
  if (expectedStatus !== undefined) {
    const statusBasis = op.responses.get(expectedStatus)?.basis ?? op.basis;
    const sameClass = classOf(res.status) === classOf(expectedStatus);
    const refusalOfInput = classOf(expectedStatus) === 'refusal' && res.requestViolations.length > 0 && !rule;
    if (rule) {
      basis = sameClass ? rule.statusBasis ?? statusBasis : rule.basis;
    } else if (refusalOfInput) {
      // A request the spec calls invalid: that it is refused rests on the constraints it breaks;
      // the exact status on the status's own basis, unless the whole premise is inferred.
      const refusal = strongest(res.requestViolations.map((v) => v.basis ?? op.basis))!;
      basis = !sameClass || refusal.provenance === 'inferred' ? refusal : statusBasis;
      // On inferred grounds only, a request not refused as expected says those constraints are unconfirmed.
      if (refusal.provenance === 'inferred') about = 'request';
    } else {
      basis = statusBasis;
      if (expectedStatus === 400 && res.requestViolations.length === 0 && res.status !== 400) {
        premiseGone = `the spec finds nothing wrong with this ${operationId} request any more (no constraint forbids it; a calibrated spec?), so its 400 is no longer expected`;
      }
    }
  }
  // A premise the spec no longer holds expects nothing of the status; the body is still checked.
  const expectation = expectedStatus === undefined || premiseGone ? undefined : { status: expectedStatus, basis, about };
  const check = contract.checkResponse(operationId, {
    status: res.status, contentType: res.contentType, body: reveal(res), headers: prismAnswered(res) ? undefined : res.headers,
  }, expectation);
  const findings = [...prismViolations(res), ...check.findings];
  const { kept, notChecked } = withoutForeignRecords(res, operationId, findings);
  // A card secret where the docs put none fails whatever its basis: the harness's security policy.
  const failing = kept.filter((f) => f.basis.provenance === 'documented' || f.kind === 'secret' || res.strict);
  return { findings: kept, failing, assumptions: kept.filter((f) => !failing.includes(f)), premiseGone, notChecked };
}

/** The record of an inferred finding, for the run's list of assumptions and its calibration. */
export function assumptionRecord(res: ApiResponse, operationId: string, finding: Finding, expected?: number | RuleInfo): AssumptionRecord {
  const rule = typeof expected === 'object' ? expected : undefined;
  const expectedStatus = typeof expected === 'number' ? expected : rule?.status;
  const body = reveal(res);
  const v = finding.violation;
  return {
    api: res.api, target: res.target, operationId, method: res.method, path: res.path,
    kind: finding.kind,
    check: finding.text,
    source: finding.basis.source,
    observed: `${res.status}${res.contentType ? ` ${res.contentType.split(';')[0]}` : ''}, body ${body === undefined ? (res.text ? 'not JSON' : 'empty') : shapeOf(body)}`,
    status: res.status,
    expectedStatus,
    ruleId: rule ? `${rule.operationId}#${rule.id}` : undefined,
    traceId: res.traceId,
    ...(v ? { schemaPath: v.schemaPath, keyword: v.keyword, params: v.params, pointer: v.pointer } : {}),
    ...(finding.kind === 'request' ? { requestViolations: res.requestViolations.filter((r) => r.basis?.provenance === 'inferred').map((r) => ({ pointer: r.pointer, schemaPath: r.schemaPath, keyword: r.keyword, params: r.params, message: r.message })) } : {}),
    ...(body !== undefined && (finding.kind === 'schema' || finding.kind === 'media') ? { bodySchema: schemaOfValue(body) } : {}),
  };
}

/** One line per finding, with what it rests on: `- /error is missing  [inferred: 004 gives no error body …]`. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.text}  [${f.basis.provenance}: ${f.basis.source}]`);
}

function prismAnswered(res: ApiResponse): boolean {
  return res.via === 'proxy' && /problem\+json/.test(res.contentType);
}

/** Prism's validating proxy (--errors) turns a response violation into a 500 problem+json. Only on the twin, which is strict anyway. */
function prismViolations(res: ApiResponse): Finding[] {
  if (!prismAnswered(res)) return [];
  const body = res.body as { title?: string; validation?: { location?: string[]; message?: string }[] } | undefined;
  const basis: Basis = { provenance: 'documented', source: "Prism's validating proxy, checking the twin's answer against the spec" };
  const list = body?.validation ?? [];
  if (!list.length) return [{ kind: 'status', text: `Prism proxy: ${body?.title ?? 'Prism answered with a problem document'}`, basis }];
  return list.map((v) => ({ kind: 'schema', text: `Prism proxy: ${(v.location ?? []).join('.')}: ${v.message}`, basis }));
}

/**
 * A list of the account's records (`x-account-records: <id field>` on its array in the spec, e.g.
 * listCustomers) holds what other tests and other people created: the check covers only the
 * records whose ids this test's own answers carried, so one lenient acceptance elsewhere cannot
 * fail every list check after it.
 */
function withoutForeignRecords(res: ApiResponse, operationId: string, findings: Finding[]): { kept: Finding[]; notChecked: number } {
  const schema = contractFor(res.api as ApiId).operation(operationId).responses.get(res.status)?.schema;
  const lists = accountRecordLists(schema);
  if (!lists.length) return { kept: findings, notChecked: 0 };
  const body = reveal(res) as Record<string, unknown> | undefined;
  let notChecked = 0;
  const kept = findings.filter((f) => {
    const tokens = f.violation ? pointerTokens(f.violation.pointer) : [];
    const list = lists.find((l) => tokens[0] === l.property && tokens.length > 1);
    if (!list) return true;
    const record = (body?.[list.property] as Record<string, unknown>[] | undefined)?.[Number(tokens[1])];
    const own = typeof record?.[list.idField] === 'string' && res.ownIds.has(record[list.idField] as string);
    if (!own) notChecked++;
    return own;
  });
  return { kept, notChecked };
}

function accountRecordLists(schema: Record<string, unknown> | undefined): { property: string; idField: string }[] {
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).flatMap(([property, s]) => typeof s['x-account-records'] === 'string' ? [{ property, idField: s['x-account-records'] as string }] : []);
}

