/** Percentile of a sample (nearest rank); NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** Median (the mean of the middle two for an even count); NaN for an empty sample. */
export function median(values: readonly number[]): number {
  const xs = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (xs.length === 0) return Number.NaN
  const mid = xs.length >> 1
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2
}

/** A figure over repetitions: its median and the smallest and largest of the runs. */
export interface Spread {
  median: number
  min: number
  max: number
  runs: number
}

/** Median and min–max of the repetitions that gave a number (NaN and null left out). */
export function spread(values: ReadonlyArray<number | null>): Spread | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v))
  if (xs.length === 0) return null
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length }
}

/**
 * The order the bench runs its cells in: every column once per repetition (ours, peer A, peer B,
 * ours, ...), so drift in the machine's load over the run falls on every column alike instead of
 * on whichever ran last.
 */
export function interleave<T>(
  columns: readonly T[],
  repetitions: number,
): Array<{ column: T; repetition: number }> {
  const order: Array<{ column: T; repetition: number }> = []
  for (let repetition = 1; repetition <= repetitions; repetition++)
    for (const column of columns) order.push({ column, repetition })
  return order
}
