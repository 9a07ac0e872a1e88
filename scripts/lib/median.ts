// The benches' verdicts are on the median of their rounds: one round caught in a slow or fast
// moment of a shared machine moves it less than it moves a mean.
export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
