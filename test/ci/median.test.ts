// The benches' verdicts (bench:k6-flows, bench:twin --baseline) rest on the median of their rounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median } from '../../scripts/lib/median.ts';

test('median: the middle round, or the mean of the two middle ones; the order of the rounds does not matter', () => {
  assert.equal(median([0.3, 0.1, 0.2]), 0.2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  const rounds = [0.176, 0.181, 0.173];
  assert.equal(median(rounds), 0.176);
  assert.deepEqual(rounds, [0.176, 0.181, 0.173], 'the rounds are left in their order (they are printed after)');
  assert.throws(() => median([]), /no values/);
});
