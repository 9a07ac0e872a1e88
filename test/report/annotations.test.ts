// CI annotations from the run record: documented failures as errors with the test's file and
// line, unconfirmed assumptions as warnings, crossed load thresholds as errors; escaped the way
// GitHub's workflow commands need, and a GitLab Code Quality report with stable fingerprints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotationsOf, githubAnnotations, gitlabCodeQuality } from '../../lib/run-report/annotations.ts';
import type { RunRecord } from '../../lib/run-report/write.ts';

const record = {
  scope: { contracts: true, load: ['lifecycle'] },
  contracts: {
    failures: [{ id: 'x', project: 'sovera@sandbox', title: 'cards.spec.ts › getCard', kind: 'documented', headline: 'Contract failure: getCard, 100%\nbroke', location: { file: 'contracts/sovera/cards.spec.ts', line: 12 } }],
    assumptions: [{ project: 'sovera@sandbox', check: 'error body is a problem document', where: ['getWallet 404'], observed: '404 text/html', source: 'doc 001 shows no error body', tests: 2 }],
  },
  load: [
    { scenario: 'lifecycle', files: [], summary: { thresholds: [{ metric: 'http_req_duration{operation:getCard}', threshold: 'p(95)<300', ok: false, observed: 412 }] } },
    { scenario: 'earlier', files: [], summary: { thresholds: [{ metric: 'checks', threshold: 'rate>0.99', ok: false }] } },
  ],
} as unknown as RunRecord;

test('failures are errors, findings warnings; only this run\'s load scenarios', () => {
  const list = annotationsOf(record);
  assert.deepEqual(list.map((a) => [a.level, a.title]), [
    ['error', 'Contract failure on sovera@sandbox'],
    ['warning', 'Unconfirmed assumption on sovera@sandbox'],
    ['error', 'Load lifecycle: threshold crossed'],
  ]);
  assert.match(list[1].message, /Inferred: doc 001 shows no error body/);
});

test('GitHub workflow commands: file and line, properties and data escaped', () => {
  const [first] = githubAnnotations(annotationsOf(record));
  assert.equal(first, '::error file=contracts/sovera/cards.spec.ts,line=12,title=Contract failure on sovera@sandbox::cards.spec.ts › getCard: Contract failure: getCard, 100%25%0Abroke');
  assert.equal(githubAnnotations([{ level: 'warning', title: 'a: b, c', message: 'm' }])[0], '::warning title=a%3A b%2C c::m');
});

test('GitLab Code Quality: severities, locations, stable fingerprints', () => {
  const issues = JSON.parse(gitlabCodeQuality(annotationsOf(record)));
  assert.deepEqual(issues.map((i: { severity: string }) => i.severity), ['critical', 'minor', 'critical']);
  assert.deepEqual(issues[0].location, { path: 'contracts/sovera/cards.spec.ts', lines: { begin: 12 } });
  assert.equal(JSON.parse(gitlabCodeQuality(annotationsOf(record)))[0].fingerprint, issues[0].fingerprint);
  assert.notEqual(issues[0].fingerprint, issues[2].fingerprint);
});
