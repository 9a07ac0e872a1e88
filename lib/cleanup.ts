// What a live run leaves on a shared sandbox account, and tidying it up. Every entity a sandbox
// run creates is appended, by id only (never a secret, never personal data), to the run's record
// reports/runs/<run id>.jsonl as the answer arrives, so a run that dies half-way leaves a record
// too. At the end of the run, unless KEEP=1 (`--keep`), the cleanup phase undoes what the API lets
// it undo (fixtures/cleanup-profiles.ts: cancel cards, delete what can be deleted) and says what it
// could not and why; `npm run cleanup -- <run id>` does the same later from the record.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CLEANUP_PROFILES } from '../fixtures/cleanup-profiles.ts';
import { apiProfile, type ApiId } from './apis.ts';
import { createClient } from './client.ts';
import { ConfigError, credentialsFor, requestTimeoutMs, type TargetEndpoint } from './config.ts';
import { openSession } from './login.ts';
import { PROJECT_ROOT } from './spec.ts';

type Env = Record<string, string | undefined>;

/** The run id of this live run (set by the suite's global setup), or undefined on twin and mock. */
export function currentRunId(env: Env = process.env): string | undefined {
  return env.HARNESS_RUN_ID || undefined;
}

/** A new run id: time (UTC, to the second) and 4 random hex digits, e.g. run-20261201t234012-9f3a. */
export function newRunId(now = new Date()): string {
  return `run-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').toLowerCase()}-${randomBytes(2).toString('hex')}`;
}

/** What test data carries to tell harness data from people's own on a shared account: the run id, or "local". */
export function runLabel(env: Env = process.env): string {
  return currentRunId(env) ?? 'local';
}

export function recordsDir(env: Env = process.env): string {
  return env.RUN_RECORDS_DIR ? path.resolve(env.RUN_RECORDS_DIR) : path.join(PROJECT_ROOT, 'reports', 'runs');
}

export function recordFile(runId: string, env: Env = process.env): string {
  if (!/^run-[0-9a-z-]+$/.test(runId)) throw new ConfigError(`"${runId}" is not a run id (run-<time>-<hex>, as a live run prints it).`, `list the records with: ls ${path.relative(PROJECT_ROOT, recordsDir(env)) || '.'}`);
  return path.join(recordsDir(env), `${runId}.jsonl`);
}

type RecordLine =
  | { event: 'run'; runId: string; startedAt: string }
  | { event: 'created'; api: ApiId; baseUrl: string; kind: string; id: string; operationId: string }
  | { event: 'undone'; api: ApiId; kind: string; id: string; how: string };

function append(line: RecordLine, env: Env): void {
  const runId = currentRunId(env);
  if (!runId) return;
  mkdirSync(recordsDir(env), { recursive: true });
  // One short line per append: O_APPEND keeps the lines of parallel workers whole.
  appendFileSync(recordFile(runId, env), `${JSON.stringify(line)}\n`);
}

export function startRecord(runId: string, env: Env = process.env): string {
  append({ event: 'run', runId, startedAt: new Date().toISOString() }, { ...env, HARNESS_RUN_ID: runId });
  return recordFile(runId, env);
}

/** Called by the client on every 2xx answer of a live run: records the entity when the operation creates one. */
export function noteCreated(endpoint: TargetEndpoint, operationId: string, body: unknown, env: Env = process.env): void {
  if (endpoint.target !== 'sandbox' || !currentRunId(env)) return;
  const profile = CLEANUP_PROFILES[endpoint.api];
  const kind = profile.creates[operationId];
  const id = kind ? profile.idOf(body) : undefined;
  if (kind && id) append({ event: 'created', api: endpoint.api, baseUrl: endpoint.baseUrl, kind, id, operationId }, env);
}

interface Entity { api: ApiId; baseUrl: string; kind: string; id: string }

function readRecord(runId: string, env: Env): { entities: Entity[]; undone: Set<string> } {
  const file = recordFile(runId, env);
  if (!existsSync(file)) throw new ConfigError(`No record of run ${runId} in ${path.relative(PROJECT_ROOT, recordsDir(env)) || recordsDir(env)}.`, 'give the run id a live run printed at its start, on the machine (or CI artefact) that ran it.');
  const entities: Entity[] = [];
  const undone = new Set<string>();
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    let line: RecordLine;
    try { line = JSON.parse(text) as RecordLine; } catch { continue; } // a line cut short by a crash
    if (line.event === 'created') entities.push({ api: line.api, baseUrl: line.baseUrl, kind: line.kind, id: line.id });
    else if (line.event === 'undone') undone.add(`${line.api} ${line.id}`);
  }
  return { entities, undone };
}

export interface CleanupSummary {
  undone: Array<Entity & { how: string }>;
  alreadyUndone: Entity[];
  /** Kept on purpose: the API has no way to undo them (and why). */
  cannotUndo: Array<Entity & { why: string }>;
  /** Tried and refused: the status the server answered. */
  failed: Array<Entity & { status: number }>;
  requests: number;
  lines: string[];
}

/** Undoes what the run's record lists and is not undone yet; every undo is recorded, so running it again is safe. */
export async function cleanupRun(runId: string, env: Env = process.env): Promise<CleanupSummary> {
  const { entities, undone } = readRecord(runId, env);
  const summary: CleanupSummary = { undone: [], alreadyUndone: [], cannotUndo: [], failed: [], requests: 0, lines: [] };
  const recordEnv = { ...env, HARNESS_RUN_ID: runId };
  const byTarget = new Map<string, Entity[]>();
  for (const e of entities) {
    if (undone.has(`${e.api} ${e.id}`)) { summary.alreadyUndone.push(e); continue; }
    const profile = CLEANUP_PROFILES[e.api];
    if (!profile.undo[e.kind]) { summary.cannotUndo.push({ ...e, why: profile.cannotUndo[e.kind] ?? `no operation of ${apiProfile(e.api).title} undoes a ${e.kind}` }); continue; }
    const key = `${e.api} ${e.baseUrl}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), e]);
  }
  for (const list of byTarget.values()) {
    const { api, baseUrl } = list[0];
    const endpoint: TargetEndpoint = { api, target: 'sandbox', baseUrl, stateful: true, forcesStatus: false, injectsFaults: false, strict: false };
    const { auth, requests } = await openSession(endpoint, credentialsFor(apiProfile(api), 'sandbox', env));
    summary.requests += requests;
    // No run id on this client: its own answers are not entities to record.
    const client = createClient<Record<string, never>>({ endpoint, auth, timeoutMs: requestTimeoutMs() });
    for (const e of list) {
      const step = CLEANUP_PROFILES[api].undo[e.kind](e.id);
      const res = await client.call(step.operationId as never, step.input, {});
      summary.requests++;
      if (step.done.includes(res.status) || step.alreadyDone.includes(res.status)) {
        const how = step.done.includes(res.status) ? step.past : `already ${step.past} (${step.operationId} answered ${res.status})`;
        summary.undone.push({ ...e, how });
        append({ event: 'undone', api, kind: e.kind, id: e.id, how }, recordEnv);
      } else {
        summary.failed.push({ ...e, status: res.status });
      }
    }
  }
  summary.lines = describeCleanup(runId, summary);
  return summary;
}

function describeCleanup(runId: string, s: CleanupSummary): string[] {
  const count = (n: number, kind: string) => `${n} ${kind}${n === 1 ? '' : 's'}`;
  // One line per API, kind and outcome, listing the ids.
  const byKind = <E extends Entity>(list: E[], detail: (e: E) => string) => {
    const groups = new Map<string, E[]>();
    for (const e of list) {
      const key = `${e.api} ${e.kind} ${detail(e)}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    return [...groups.values()].map((g) => `    ${g[0].api}: ${count(g.length, g[0].kind)} ${detail(g[0])}: ${g.map((e) => e.id).join(', ')}`);
  };
  const lines = [`Cleanup of ${runId}: ${s.requests} requests (counted in the budget).`];
  if (s.undone.length) lines.push('  undone:', ...byKind(s.undone, (e) => e.how));
  if (s.alreadyUndone.length) lines.push(`  undone by an earlier cleanup: ${s.alreadyUndone.map((e) => `${e.api} ${e.kind} ${e.id}`).join(', ')}`);
  if (s.cannotUndo.length) lines.push('  left on the account (the API cannot undo them):', ...byKind(s.cannotUndo, (e) => `(${e.why})`));
  if (s.failed.length) lines.push(`  FAILED to undo (run \`npm run cleanup -- ${runId}\` again, or undo by hand):`, ...byKind(s.failed, (e) => `(answered ${e.status})`));
  if (!s.undone.length && !s.cannotUndo.length && !s.failed.length && !s.alreadyUndone.length) lines.push('  the run created nothing.');
  return lines;
}

/** Records entities created outside the client (a load run's pool, made inside k6's setup()). */
export function recordCreated(runId: string, api: ApiId, baseUrl: string, entities: Array<{ kind: string; id: string }>, operationId: string, env: Env = process.env): void {
  const recordEnv = { ...env, HARNESS_RUN_ID: runId };
  for (const { kind, id } of entities) append({ event: 'created', api, baseUrl, kind, id, operationId }, recordEnv);
}

/**
 * What the cleanup phase costs for entities of these kinds (what provisioning one pool member
 * creates): a request per undoable entity, and once a login where the API needs one.
 */
export function cleanupPlan(api: ApiId, kinds: string[]): { perMember: number; once: number } {
  const perMember = kinds.filter((kind) => CLEANUP_PROFILES[api].undo[kind]).length;
  return { perMember, once: perMember && apiProfile(api).auth === 'bearer-login' ? 1 : 0 };
}
