// What changed since the previous run (or a baseline the user committed): the checks whose state
// changed, and the p95 latencies that moved by more than a margin. Pure.
import type { CheckState, ContractResults } from './contract-results.ts';

/** The part of a run another run is compared with; `run.json` carries it, so a committed copy is a baseline. */
export interface Snapshot {
  checks: Record<string, { project: string; title: string; state: CheckState }>;
  /** scenario run (`lifecycle (smoke on twin)`) → operation → p95 ms. */
  p95: Record<string, Record<string, number>>;
}

export interface CheckChange { id: string; project: string; title: string; before: CheckState; after: CheckState }
export interface P95Move { scenario: string; operation: string; beforeMs: number; afterMs: number; change: number }

export interface Comparison {
  against: 'previous run' | 'baseline' | 'nothing';
  /** The baseline file, when against one. */
  source?: string;
  margin: number;
  changed: CheckChange[];
  /** Checks only in this run / only in the other (another target or API selection, a new test). */
  added: number;
  removed: number;
  p95Moves: P95Move[];
  /** Load scenarios compared (present in both). */
  scenariosCompared: string[];
}

export const DEFAULT_P95_MARGIN = 0.2;

export function snapshotOf(contracts: ContractResults | undefined, p95: Snapshot['p95']): Snapshot {
  const checks: Snapshot['checks'] = {};
  for (const t of contracts?.tests ?? []) checks[t.id] = { project: t.project, title: t.title, state: t.state };
  return { checks, p95 };
}

/** Failed first, then the other way round (fixed), then the rest; by title within each. */
const ORDER: Record<string, number> = { failed: 0, passed: 1, finding: 2, skipped: 3 };

export function compareSnapshots(now: Snapshot, before: Snapshot | undefined, against: Comparison['against'], margin = DEFAULT_P95_MARGIN, source?: string): Comparison {
  const result: Comparison = { against: before ? against : 'nothing', source, margin, changed: [], added: 0, removed: 0, p95Moves: [], scenariosCompared: [] };
  if (!before) return result;
  for (const [id, check] of Object.entries(now.checks)) {
    const old = before.checks[id];
    if (!old) { result.added++; continue; }
    if (old.state !== check.state) result.changed.push({ id, project: check.project, title: check.title, before: old.state, after: check.state });
  }
  result.removed = Object.keys(before.checks).filter((id) => !now.checks[id]).length;
  result.changed.sort((a, b) => ORDER[a.after] - ORDER[b.after] || a.title.localeCompare(b.title));
  for (const [scenario, ops] of Object.entries(now.p95)) {
    const old = before.p95[scenario];
    if (!old) continue;
    result.scenariosCompared.push(scenario);
    for (const [operation, afterMs] of Object.entries(ops)) {
      const beforeMs = old[operation];
      if (beforeMs === undefined || beforeMs <= 0) continue;
      const change = (afterMs - beforeMs) / beforeMs;
      if (Math.abs(change) > margin) result.p95Moves.push({ scenario, operation, beforeMs, afterMs, change });
    }
  }
  result.p95Moves.sort((a, b) => b.change - a.change);
  return result;
}
