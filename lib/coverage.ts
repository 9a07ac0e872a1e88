// Contract coverage: which documented (operationId, status) pairs a run exercised, on which target.
// Workers record through test annotations; the reporter (main process) aggregates them.
import type { ApiId } from './apis.ts';
import { loadSpec } from './spec.ts';

export const COVERAGE_ANNOTATION = 'contract';
/** One per test and account: `<account> <n>` requests the test made with it. */
export const REQUESTS_ANNOTATION = 'requests';
/** One per 429: `expected|stopped <message>`. */
export const RATE_LIMIT_ANNOTATION = 'rate-limit';

export function encodeRequests(account: string, count: number): string {
  return `${account} ${count}`;
}

export function decodeRequests(text: string): { account: string; count: number } {
  const at = text.lastIndexOf(' ');
  return { account: text.slice(0, at), count: Number(text.slice(at + 1)) || 0 };
}

export function encodeRateLimit(expected: boolean, message: string): string {
  return `${expected ? 'expected' : 'stopped'} ${message}`;
}

export function decodeRateLimit(text: string): { expected: boolean; message: string } {
  const at = text.indexOf(' ');
  return { expected: text.slice(0, at) === 'expected', message: text.slice(at + 1) };
}

export interface Exercise { operationId: string; status: number; via: string }

export function encodeExercise(e: Exercise): string {
  return `${e.operationId} ${e.status} ${e.via}`;
}

export function decodeExercise(text: string): Exercise {
  const [operationId, status, via] = text.split(' ');
  return { operationId, status: Number(status), via };
}

export interface CoverageRow {
  api: ApiId;
  operationId: string;
  status: number;
  /** Targets on which this documented status was answered at least once. */
  exercisedOn: string[];
}

export interface CoverageSummary {
  generatedAt: string;
  targets: string[];
  rows: CoverageRow[];
  /** Answers with a status the spec does not document (each also fails its test). */
  undocumented: { api: ApiId; operationId: string; status: number; target: string }[];
  /** Distinct (test, operation, status) answers per hop: Prism's proxy, the twin directly, the mock, a live server. */
  via: Record<string, number>;
  /** Per target: operations with no documented status exercised at all. */
  unexercisedOperations: Record<string, string[]>;
  /** Per target (api@target): requests the suite made, in total and per account. */
  requests: Record<string, { total: number; byAccount: Record<string, number> }>;
  /** Per target: 429 answers; `expected` when the test asked for one, `stopped` when a check was stopped by it. */
  rateLimitEvents: Record<string, { expected: number; stopped: number; messages: string[] }>;
}

export class CoverageBook {
  private readonly seen = new Map<string, Set<string>>(); // "api op status" -> targets
  private readonly undocumented: CoverageSummary['undocumented'] = [];
  private readonly via: Record<string, number> = {};
  private readonly targetsByApi = new Map<ApiId, Set<string>>();
  private readonly requests: CoverageSummary['requests'] = {};
  private readonly rateLimitEvents: CoverageSummary['rateLimitEvents'] = {};

  recordRequests(api: ApiId, target: string, account: string, count: number): void {
    this.addTarget(api, target);
    const entry = (this.requests[`${api}@${target}`] ??= { total: 0, byAccount: {} });
    entry.total += count;
    entry.byAccount[account] = (entry.byAccount[account] ?? 0) + count;
  }

  recordRateLimit(api: ApiId, target: string, expected: boolean, message: string): void {
    this.addTarget(api, target);
    const entry = (this.rateLimitEvents[`${api}@${target}`] ??= { expected: 0, stopped: 0, messages: [] });
    if (expected) entry.expected++; else entry.stopped++;
    if (!expected && entry.messages.length < 5) entry.messages.push(message);
  }

  addTarget(api: ApiId, target: string): void {
    if (!this.targetsByApi.has(api)) this.targetsByApi.set(api, new Set());
    this.targetsByApi.get(api)!.add(target);
  }

  record(api: ApiId, target: string, e: Exercise): void {
    this.addTarget(api, target);
    this.via[e.via] = (this.via[e.via] ?? 0) + 1;
    const op = loadSpec(api).operations.get(e.operationId);
    if (!op?.responses.has(e.status)) {
      if (!this.undocumented.some((u) => u.api === api && u.operationId === e.operationId && u.status === e.status && u.target === target)) {
        this.undocumented.push({ api, operationId: e.operationId, status: e.status, target });
      }
      return;
    }
    const key = `${api} ${e.operationId} ${e.status}`;
    if (!this.seen.has(key)) this.seen.set(key, new Set());
    this.seen.get(key)!.add(target);
  }

  summary(): CoverageSummary {
    const rows: CoverageRow[] = [];
    const unexercisedOperations: Record<string, string[]> = {};
    const targets: string[] = [];
    for (const [api, apiTargets] of this.targetsByApi) {
      for (const target of apiTargets) targets.push(`${api}@${target}`);
      for (const op of loadSpec(api).operations.values()) {
        const touched = new Set<string>();
        for (const status of op.responses.keys()) {
          const on = [...(this.seen.get(`${api} ${op.operationId} ${status}`) ?? [])].sort();
          on.forEach((t) => touched.add(t));
          rows.push({ api, operationId: op.operationId, status, exercisedOn: on });
        }
        for (const target of apiTargets) {
          if (!touched.has(target)) (unexercisedOperations[`${api}@${target}`] ??= []).push(op.operationId);
        }
      }
    }
    return {
      generatedAt: new Date().toISOString(), targets, rows, undocumented: this.undocumented, via: this.via, unexercisedOperations,
      requests: this.requests, rateLimitEvents: this.rateLimitEvents,
    };
  }
}

/** A fixed-width table: one row per operationId, one column per target, statuses exercised there. */
export function formatCoverageTable(summary: CoverageSummary): string {
  const byOp = new Map<string, CoverageRow[]>();
  for (const row of summary.rows) {
    const key = `${row.api} ${row.operationId}`;
    if (!byOp.has(key)) byOp.set(key, []);
    byOp.get(key)!.push(row);
  }
  const targetsOf = (api: string) => summary.targets.filter((t) => t.startsWith(`${api}@`)).map((t) => t.split('@')[1]);
  const header = ['operation', ...new Set(summary.targets.map((t) => t.split('@')[1]))];
  const lines: string[][] = [];
  let exercised = 0;
  for (const [key, rows] of byOp) {
    const [api, operationId] = key.split(' ');
    const cells = header.slice(1).map((target) => {
      if (!targetsOf(api).includes(target)) return '';
      return rows.map((r) => (r.exercisedOn.includes(`${target}`) ? `${r.status}` : `(${r.status})`)).join(' ');
    });
    exercised += rows.filter((r) => r.exercisedOn.length).length;
    lines.push([summary.targets.length > 1 && new Set(summary.rows.map((r) => r.api)).size > 1 ? `${api} ${operationId}` : operationId, ...cells]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [
    fmt(header),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...lines.map(fmt),
    `${exercised}/${summary.rows.length} documented (operation, status) pairs exercised; (N) = documented but not exercised on that target.`,
  ].join('\n');
}
