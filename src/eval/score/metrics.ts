/**
 * Small aggregate metrics: accuracy from counts and a mean, both 0 (never NaN) on empty input so
 * that a suite run on nothing reports zeros. Imports nothing.
 */

export function accuracy(correct: number, total: number): number {
  return total === 0 ? 0 : correct / total;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
