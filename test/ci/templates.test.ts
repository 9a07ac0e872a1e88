// The CI templates users copy (examples/ci/): each parses; the GitHub workflow validates against
// its published JSON schema (SchemaStore's, bundled in @action-validator/core); the GitLab file
// uses only GitLab's keywords; both have the three jobs with the triggers the README promises;
// they run only npm scripts, scenarios and profiles that exist, set only the harness's
// documented variables, and name no secret in clear.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { LOCAL_API_KEY, LOCAL_CORE_ACCOUNT, LOCAL_LEVEL_KEYS } from '../../lib/apis.ts';
import { luhnValid } from '../../lib/redact.ts';
import { PROJECT_ROOT } from '../../lib/spec.ts';
import { PROFILES } from '../../load/lib/profiles.ts';
import { SCRIPTS } from '../../load/lib/scenarios.ts';

const GITHUB = 'examples/ci/github/card-api-harness.yml';
const GITLAB = 'examples/ci/gitlab/.gitlab-ci.yml';
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const packageScripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
const readme = read('README.md');

/** Variables that hold credentials: they may only come from the CI's secret store. */
const SECRET_NAME = /KEY|PASSWORD|TOKEN|SECRET|EMAIL/;
/** Set by the CI or the template itself, not the harness's: not looked up in the README. */
const TEMPLATE_OWN = new Set(['SCENARIO', 'PROFILE', 'LOAD_SCENARIO', 'LOAD_PROFILE', 'HARNESS_JOB']);

type Yaml = Record<string, any>;

interface Template { file: string; doc: Yaml; jobs: Record<string, Yaml>; commands: string[]; env: Record<string, string> }

function github(): Template {
  const doc = parse(read(GITHUB)) as Yaml;
  const jobs = doc.jobs as Record<string, Yaml>;
  const env: Record<string, string> = {};
  const commands: string[] = [];
  for (const job of Object.values(jobs)) {
    Object.assign(env, job.env ?? {});
    for (const step of job.steps ?? []) {
      if (step.run) commands.push(String(step.run));
      Object.assign(env, step.env ?? {});
    }
  }
  return { file: GITHUB, doc, jobs, commands, env };
}

/** GitLab's global keywords (docs: CI/CD YAML syntax reference); every other top-level key is a job. */
const GITLAB_GLOBAL = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);
const GITLAB_JOB = new Set(['after_script', 'allow_failure', 'artifacts', 'before_script', 'cache', 'coverage', 'dependencies', 'environment', 'extends', 'hooks', 'id_tokens',
  'identity', 'image', 'inherit', 'interruptible', 'manual_confirmation', 'needs', 'pages', 'parallel', 'release', 'resource_group', 'retry', 'rules', 'script', 'secrets',
  'services', 'stage', 'tags', 'timeout', 'trigger', 'variables', 'when']);
const GITLAB_ARTIFACT_REPORTS = new Set(['junit', 'codequality', 'coverage_report', 'dotenv', 'metrics', 'terraform', 'sast', 'dast']);

function gitlab(): Template {
  const doc = parse(read(GITLAB)) as Yaml;
  const jobs = Object.fromEntries(Object.entries(doc).filter(([k]) => !GITLAB_GLOBAL.has(k))) as Record<string, Yaml>;
  const env: Record<string, string> = { ...(doc.variables ?? {}) };
  const commands: string[] = [...(doc.default?.before_script ?? [])];
  for (const job of Object.values(jobs)) {
    Object.assign(env, job.variables ?? {});
    commands.push(...(job.before_script ?? []), ...(job.script ?? []), ...(job.after_script ?? []));
  }
  return { file: GITLAB, doc, jobs, commands, env };
}

describe('GitHub Actions template', () => {
  test('validates against the published workflow schema; a broken copy does not', () => {
    const src = read(GITHUB);
    assert.deepEqual(validateWorkflow(src).errors, []);
    // The validator can fail: a job without runs-on and with a timeout in words.
    const broken = src.replace('runs-on: ubuntu-latest\n    timeout-minutes: 30', 'timeout-minutes: thirty');
    assert.notEqual(broken, src);
    assert.ok(validateWorkflow(broken).errors.length > 0, 'the broken workflow is refused');
  });

  test('three jobs: the gate on every change, the sandbox nightly, the load run on demand', () => {
    const { doc, jobs } = github();
    assert.deepEqual(Object.keys(jobs), ['gate', 'sandbox', 'load']);
    assert.ok('push' in doc.on && 'pull_request' in doc.on && doc.on.schedule?.length && doc.on.workflow_dispatch);
    assert.match(jobs.gate.if, /push/);
    assert.match(jobs.gate.if, /pull_request/);
    assert.match(jobs.sandbox.if, /schedule/);
    assert.match(jobs.load.if, /workflow_dispatch/);
    assert.doesNotMatch(jobs.load.if, /schedule|push/, 'a load run is never started by a push or a schedule');
    const steps = (job: string) => (jobs[job].steps as Yaml[]).map((s) => String(s.run ?? s.uses));
    assert.ok(steps('gate').includes('npm start'));
    assert.ok(steps('sandbox').includes('npm run contracts'));
    const load = steps('load');
    const dry = load.findIndex((s) => /npm run load .*--dry-run/.test(s));
    const real = load.findIndex((s) => /npm run load /.test(s) && !s.includes('--dry-run'));
    assert.ok(dry >= 0 && real > dry, 'the plan (--dry-run) comes before the run');
    for (const job of Object.keys(jobs)) {
      assert.ok(steps(job).some((s) => s.startsWith('actions/upload-artifact')), `${job} uploads reports/`);
      assert.ok(steps(job).includes('npm run report -- annotations --format github'), `${job} annotates failures and findings`);
    }
    assert.ok(steps('gate').some((s) => s.startsWith('mikepenz/action-junit-report')), 'JUnit annotations');
    assert.equal(jobs.sandbox.env.TARGET, 'sandbox');
  });

  test('load inputs offer only existing scenarios and profiles, and reach the shell through the environment', () => {
    const { doc, jobs } = github();
    const inputs = doc.on.workflow_dispatch.inputs;
    for (const s of inputs.scenario.options) assert.ok(s in SCRIPTS, `scenario ${s} exists`);
    for (const p of inputs.profile.options) assert.ok((PROFILES as readonly string[]).includes(p), `profile ${p} exists`);
    for (const step of jobs.load.steps as Yaml[]) assert.doesNotMatch(String(step.run ?? ''), /\$\{\{/, 'no expression pasted into a script (injection)');
  });
});

describe('GitLab CI template', () => {
  test('parses, uses only GitLab keywords, and every job is in a declared stage', () => {
    const { doc, jobs } = gitlab();
    assert.deepEqual(doc.stages, ['gate', 'sandbox', 'load']);
    for (const [name, job] of Object.entries(jobs)) {
      for (const key of Object.keys(job)) assert.ok(GITLAB_JOB.has(key), `${name}: "${key}" is a GitLab job keyword`);
      assert.ok(doc.stages.includes(job.stage), `${name} is in a declared stage`);
      assert.ok(Array.isArray(job.script) && job.script.length, `${name} has a script`);
      for (const report of Object.keys(job.artifacts?.reports ?? {})) assert.ok(GITLAB_ARTIFACT_REPORTS.has(report), `${name}: ${report} is an artifacts report type`);
      for (const rule of job.rules ?? []) assert.ok(typeof rule.if === 'string', `${name}: a rule has an if`);
    }
  });

  test('three jobs: the gate on merge requests and pushes, the sandbox on a schedule, the load run manual', () => {
    const { jobs } = gitlab();
    assert.deepEqual(Object.keys(jobs), ['gate', 'sandbox', 'load']);
    const ifs = (job: string) => (jobs[job].rules as Yaml[]).map((r) => r.if).join(' | ');
    assert.match(ifs('gate'), /merge_request_event/);
    assert.match(ifs('sandbox'), /schedule/);
    assert.ok((jobs.load.rules as Yaml[]).every((r) => r.when === 'manual'), 'the load job only runs when started by hand');
    assert.deepEqual(jobs.gate.script, ['npm start']);
    assert.deepEqual(jobs.sandbox.script, ['npm run contracts']);
    assert.match(jobs.load.script[0], /--dry-run/);
    assert.equal(jobs.sandbox.variables.TARGET, 'sandbox');
    for (const job of ['gate', 'sandbox']) {
      assert.equal(jobs[job].artifacts.reports.junit, 'reports/contracts/junit.xml');
      assert.equal(jobs[job].artifacts.reports.codequality, 'reports/codequality.json');
    }
  });
});

describe('both templates', () => {
  for (const load of [github, gitlab]) {
    const t = load();
    test(`${t.file}: every npm command is a script of package.json`, () => {
      const used = t.commands.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]));
      assert.ok(used.length >= 3);
      for (const name of used) assert.ok(packageScripts.includes(name), `npm run ${name} exists`);
      for (const c of t.commands) {
        for (const m of c.matchAll(/npm (\w+)/g)) assert.ok(['run', 'start', 'test', 'ci'].includes(m[1]), `npm ${m[1]} is a known command`);
      }
    });

    test(`${t.file}: sets only documented variables, and credentials only from the secret store`, () => {
      for (const [name, value] of Object.entries(t.env)) {
        if (!TEMPLATE_OWN.has(name)) assert.ok(readme.includes(`\`${name}\``), `${name} is a variable the README documents`);
        if (SECRET_NAME.test(name)) {
          assert.ok(t.file === GITHUB, `${name}: GitLab credentials are masked CI/CD variables, not written in the file`);
          assert.equal(value, `\${{ secrets.${name} }}`, `${name} comes from the secret store`);
        }
      }
    });

    test(`${t.file}: no secret in clear, none echoed`, () => {
      const text = read(t.file);
      for (const local of [LOCAL_API_KEY, LOCAL_CORE_ACCOUNT.password, ...Object.values(LOCAL_LEVEL_KEYS)]) assert.ok(!text.includes(local), `no local key or password (${local.slice(0, 6)}…)`);
      for (const digits of text.match(/\b\d{13,19}\b/g) ?? []) assert.ok(!luhnValid(digits), 'no card number');
      assert.doesNotMatch(text, /set -x|echo .*\$\{?\w*(KEY|PASSWORD|TOKEN)/, 'no command prints a credential');
      assert.doesNotMatch(text, /(api[_-]?key|password|token)\s*[:=]\s*['"]?[A-Za-z0-9_-]{8,}/i, 'no credential value');
    });
  }
});
