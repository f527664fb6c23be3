import type { Measurements } from './context'
import { type Spread, spread } from './stats'
import type { TargetName } from './targets'

/** Every repetition's figure, by metric id, then by column. */
export type Samples = Record<string, Partial<Record<TargetName, Array<number | null>>>>

/** Spread of each figure over the repetitions, by metric id, then by column. */
export type Spreads = Record<string, Partial<Record<TargetName, Spread>>>

/** The median of each figure over the repetitions (null where no repetition gave a number). */
export function medians(samples: Samples): Measurements {
  const out: Measurements = {}
  for (const [id, byColumn] of Object.entries(samples)) {
    out[id] = {}
    for (const [column, values] of Object.entries(byColumn))
      out[id][column as TargetName] = spread(values ?? [])?.median ?? null
  }
  return out
}

export function spreads(samples: Samples): Spreads {
  const out: Spreads = {}
  for (const [id, byColumn] of Object.entries(samples)) {
    out[id] = {}
    for (const [column, values] of Object.entries(byColumn)) {
      const s = spread(values ?? [])
      if (s) out[id][column as TargetName] = s
    }
  }
  return out
}
