// The contract part of the run report: one outcome per test (state, why it failed, why it was
// skipped, what it exercised), written by the contract reporter as reports/contracts/results.json.
// The previous run's file is kept as results.previous.json, so the page can say what changed.
import type { ApiId } from '../apis.ts';
import { CONTRACT_FAILURE, UNCONFIRMED_ASSUMPTION } from '../verdict-labels.ts';
import { redactText } from '../redact.ts';

/** `finding`: passed, but recorded an unconfirmed assumption (an inferred rule the server did not follow). */
export type CheckState = 'passed' | 'failed' | 'skipped' | 'finding';

/** Why a test failed: a documented rule broken, an inferred one under STRICT, or anything else (a flow, a timeout, the harness). */
export type FailureKind = 'documented' | 'assumption' | 'other';

export interface TestOutcome {
  /** Playwright's test id: stable across runs for the same project, file and titles; the HTML report's anchor. */
  id: string;
  /** `api@target`. */
  project: string;
  /** `file › describe › title`. */
  title: string;
  /** Where the test is written, relative to the project: CI annotations point there. */
  location?: { file: string; line: number };
  state: CheckState;
  durationMs?: number;
  failure?: { kind: FailureKind; headline: string };
  skipReason?: string;
  /** `operationId status` answers the test received. */
  exercised: string[];
  /** `operationId status` answers that failed their contract check. */
  failedChecks?: string[];
}

export interface ContractResults {
  generatedAt: string;
  /** Playwright's overall status (a coverage gate can fail a run whose tests all passed). */
  runStatus: string;
  durationMs: number;
  projects: string[];
  tests: TestOutcome[];
}

export const RESULTS_FILE = 'results.json';
export const PREVIOUS_RESULTS_FILE = 'results.previous.json';

/** Failure messages of the harness start with the verdict's name (lib/matcher.ts). */
export function failureOf(message: string): { kind: FailureKind; headline: string } {
  const text = stripAnsi(message).trim();
  // From the verdict's line (or the first line that is not the matcher's hint), up to four lines: what broke and how.
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let from = lines.findIndex((l) => l.includes(`${CONTRACT_FAILURE}:`) || l.includes(`${UNCONFIRMED_ASSUMPTION}:`));
  if (from < 0) from = Math.max(0, lines.findIndex((l) => !/^(Error: )?expect\(/.test(l)));
  const headline = redactText(lines.slice(from, from + 4).join('\n') || 'failed without a message').slice(0, 600);
  const kind: FailureKind = text.includes(`${CONTRACT_FAILURE}:`) ? 'documented' : text.includes(`${UNCONFIRMED_ASSUMPTION}:`) ? 'assumption' : 'other';
  return { kind, headline };
}

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export function apiOfProject(project: string): ApiId {
  return project.split('@')[0] as ApiId;
}
