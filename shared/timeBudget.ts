import type { MeetingProgress } from './meetingProgress'
import type { Template } from './templateSchema'

/**
 * The meeting's time as a whole: the minutes each phase has now (the method's, less what the
 * facilitator took from it, plus "+5 min" on the current phase), the planned end at server time
 * `now`, and taking minutes from later phases. Pure, so the facilitator's preview and the
 * server's command compute the same end from the same fields and the same clock.
 */

/** A phase keeps at least this many minutes when minutes are taken from it. */
export const MIN_PHASE_MINUTES = 1

/** Where taken minutes come from: spread over every later phase, or one later phase. */
export type TakeFrom = 'spread' | { phaseId: string }

/** Minutes taken per phase id (absent: none); old stored progress has no such field. */
export function minutesTaken(p: MeetingProgress): Readonly<Record<string, number>> {
  return p.minutesTaken ?? {}
}

/** The minutes phase `index` has now: the method's, less what was taken, plus extra on the current one. */
export function phaseMinutesNow(template: Template, p: MeetingProgress, index: number): number {
  const phase = template.phases[index]
  if (!phase) return 0
  const extra = index === p.phaseIndex ? p.extraMinutes : 0
  return phase.minutes - (minutesTaken(p)[phase.id] ?? 0) + extra
}

export interface MeetingEnd {
  /** When the meeting ends if every phase from now on keeps its minutes (server ms). */
  end: number
  /** The end the method planned at the start: start + the method's minutes (null before the start). */
  plannedAtStart: number | null
  /** How far the end has moved from that plan (ms; positive: later). */
  shiftMs: number
  /** The current phase is over its time, so the end moves with the clock. */
  overrunning: boolean
}

/**
 * The planned end at server time `now`. Before the start: now plus every phase's minutes. During a
 * phase: the current phase's end (its start, the time it was paused, its minutes), or now if it
 * has overrun, plus the minutes of every later phase. A paused timer moves the end as well: the
 * phase gets its minutes back when it resumes. Null once the meeting is finished.
 */
export function meetingEndAt(template: Template, p: MeetingProgress, now: number): MeetingEnd | null {
  if (p.finished) return null
  const later = (from: number) => {
    let minutes = 0
    for (let i = from; i < template.phases.length; i++) minutes += phaseMinutesNow(template, p, i)
    return minutes * 60_000
  }
  const plannedAtStart =
    typeof p.startedAt === 'number'
      ? p.startedAt + template.phases.reduce((sum, phase) => sum + phase.minutes, 0) * 60_000
      : null
  if (p.phaseIndex < 0) {
    const end = now + later(0)
    return { end, plannedAtStart, shiftMs: 0, overrunning: false }
  }
  const pausedNow = p.pausedAt !== null ? Math.max(0, now - p.pausedAt) : 0
  const phaseEnd =
    p.phaseStartedAt + p.pausedMs + pausedNow + phaseMinutesNow(template, p, p.phaseIndex) * 60_000
  const overrunning = phaseEnd < now
  const end = Math.max(phaseEnd, now) + later(p.phaseIndex + 1)
  return { end, plannedAtStart, shiftMs: plannedAtStart === null ? 0 : end - plannedAtStart, overrunning }
}

export type TakePlan =
  | { ok: true; minutesTaken: Record<string, number>; perPhase: Array<{ phaseId: string; minutes: number }> }
  | { ok: false; error: string }

/**
 * Takes `minutes` from the phases after the current one, each keeping at least MIN_PHASE_MINUTES:
 * spread, one minute at a time from the later phase that has the most left (the latest of equals,
 * so the end of the meeting gives first), or all from one chosen later phase.
 */
export function planTakeTime(
  template: Template,
  p: MeetingProgress,
  minutes: number,
  from: TakeFrom,
): TakePlan {
  if (p.phaseIndex < 0 || p.finished) return { ok: false, error: 'the meeting is not running' }
  if (!Number.isInteger(minutes) || minutes < 1) return { ok: false, error: 'take at least one whole minute' }
  const laterIndexes: number[] = []
  for (let i = p.phaseIndex + 1; i < template.phases.length; i++) laterIndexes.push(i)
  const candidates =
    from === 'spread' ? laterIndexes : laterIndexes.filter((i) => template.phases[i]!.id === from.phaseId)
  if (from !== 'spread' && candidates.length === 0)
    return { ok: false, error: `"${from.phaseId}" is not a later phase` }
  const left = new Map(candidates.map((i) => [i, phaseMinutesNow(template, p, i)]))
  const spare = [...left.values()].reduce((sum, m) => sum + Math.max(0, Math.floor(m - MIN_PHASE_MINUTES)), 0)
  if (spare < minutes) return { ok: false, error: `only ${spare} minutes can be taken from the later phases` }
  const taken = new Map<number, number>()
  for (let n = 0; n < minutes; n++) {
    let pick = -1
    for (const [i, m] of left) if (m - 1 >= MIN_PHASE_MINUTES && (pick < 0 || m >= left.get(pick)!)) pick = i
    left.set(pick, left.get(pick)! - 1)
    taken.set(pick, (taken.get(pick) ?? 0) + 1)
  }
  const next: Record<string, number> = { ...minutesTaken(p) }
  const perPhase: Array<{ phaseId: string; minutes: number }> = []
  for (const [i, m] of [...taken].sort((a, b) => a[0] - b[0])) {
    const id = template.phases[i]!.id
    next[id] = (next[id] ?? 0) + m
    perPhase.push({ phaseId: id, minutes: m })
  }
  return { ok: true, minutesTaken: next, perPhase }
}

/** What taking the minutes would do, for the preview: the new end and the phases it touches. */
export function previewTakeTime(
  template: Template,
  p: MeetingProgress,
  minutes: number,
  from: TakeFrom,
  now: number,
):
  | { ok: true; end: number; before: number; perPhase: Array<{ phaseId: string; minutes: number }> }
  | { ok: false; error: string } {
  const plan = planTakeTime(template, p, minutes, from)
  if (!plan.ok) return plan
  const before = meetingEndAt(template, p, now)
  const after = meetingEndAt(template, { ...p, minutesTaken: plan.minutesTaken }, now)
  if (!before || !after) return { ok: false, error: 'the meeting is not running' }
  return { ok: true, end: after.end, before: before.end, perPhase: plan.perPhase }
}
