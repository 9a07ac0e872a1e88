// The progress line of a live contract run: tests done of the total, an estimate of the time
// left, and the requests each live target received against its hourly allowance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressLine } from '../../lib/progress-reporter.ts';

test('tests done, time left, requests of the allowance per target', () => {
  const requests = new Map([['sovera@sandbox', 250], ['api-layer@sandbox', 40]]);
  assert.equal(progressLine(120, 480, 120, requests),
    'progress: 120/480 tests (25%), about 6 min left; requests: api-layer@sandbox 40 (its docs state no limit); sovera@sandbox 250 of 800 allowed this hour (80% of 1000)');
});

test('RATE_LIMIT_PER_HOUR stands in for the documented limit; nothing sent yet says so', () => {
  assert.equal(progressLine(1, 4, 10, new Map([['core@sandbox', 3]]), '500'), 'progress: 1/4 tests (25%), about 30 s left; requests: core@sandbox 3 of 400 allowed this hour (80% of 500)');
  assert.equal(progressLine(0, 4, 1, new Map()), 'progress: 0/4 tests (0%); requests: none yet');
});
