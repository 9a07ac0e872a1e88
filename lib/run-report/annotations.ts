// The run record as CI annotations: contract failures as errors, unconfirmed assumptions as
// warnings, for GitHub Actions (workflow commands on stdout) and GitLab (a Code Quality report,
// shown in the merge request). Pure: the record in, text out.
import { createHash } from 'node:crypto';
import type { RunRecord } from './write.ts';

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

const KIND_TITLE = { documented: 'Contract failure', assumption: 'Unconfirmed assumption (failed under STRICT)', other: 'Check failed' } as const;

export function annotationsOf(record: RunRecord): Annotation[] {
  const out: Annotation[] = [];
  if (record.scope.contracts && record.contracts) {
    for (const f of record.contracts.failures) {
      out.push({ level: 'error', title: `${KIND_TITLE[f.kind]} on ${f.project}`, message: `${f.title}: ${f.headline}`, file: f.location?.file, line: f.location?.line });
    }
    for (const a of record.contracts.assumptions) {
      out.push({
        level: 'warning',
        title: `Unconfirmed assumption on ${a.project}`,
        message: `${a.check} — on ${a.where.slice(0, 8).join(', ')}${a.where.length > 8 ? ` and ${a.where.length - 8} more` : ''}: the server answered ${a.observed}. Inferred: ${a.source}. Confirm with the provider, then npm run calibrate.`,
      });
    }
  }
  for (const part of record.load.filter((l) => record.scope.load.includes(l.scenario))) {
    for (const t of part.summary?.thresholds.filter((x) => !x.ok) ?? []) {
      out.push({ level: 'error', title: `Load ${part.scenario}: threshold crossed`, message: `${t.metric} ${t.threshold} (observed ${t.observed ?? 'nothing'})` });
    }
  }
  return out;
}

/** GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), escaped as the runner expects. */
export function githubAnnotations(list: Annotation[]): string[] {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return list.map((a) => {
    const props = [a.file ? `file=${prop(a.file)}` : '', a.line ? `line=${a.line}` : '', `title=${prop(a.title)}`].filter(Boolean).join(',');
    return `::${a.level} ${props}::${data(a.message)}`;
  });
}

/** A GitLab Code Quality report (the subset of Code Climate's format GitLab reads). */
export function gitlabCodeQuality(list: Annotation[]): string {
  const issues = list.map((a) => ({
    description: `${a.title}: ${a.message}`,
    check_name: a.title,
    fingerprint: createHash('sha256').update(`${a.title}\n${a.message}`).digest('hex').slice(0, 32),
    severity: a.level === 'error' ? 'critical' : 'minor',
    location: { path: a.file ?? 'spec', lines: { begin: a.line ?? 1 } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
