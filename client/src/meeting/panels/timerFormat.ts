import type { TimerView } from '../../../../shared/phaseMachine'

/**
 * How the phase timer reads: a countdown while there is time, then the time over. Pure, so the
 * rounding rules (which second a countdown shows, when "over time" begins) are tested.
 */
export interface TimerDisplay {
  /** "12:34" counting down, or "+2:13" once over time. */
  text: string
  /** The same time without the sign, for sentences ("2:13 over tijd"). */
  time: string
  overrun: boolean
  paused: boolean
  /** Share of the planned time used, 0 to 1 (stays 1 when over time). */
  fraction: number
}

/** `m:ss` under an hour, `h:mm:ss` above it. Negative input counts as zero. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/**
 * The countdown rounds up (a phase of 15 minutes shows 15:00 at its start and 0:00 only when the
 * time is up); the overrun rounds down (+0:01 after the first whole second over).
 */
export function timerDisplay(timer: TimerView): TimerDisplay {
  const overrun = timer.overrunMs >= 1000
  const time = overrun
    ? formatClock(timer.overrunMs / 1000)
    : formatClock(Math.ceil(timer.remainingMs / 1000))
  return {
    text: overrun ? `+${time}` : time,
    time,
    overrun,
    paused: timer.paused,
    fraction: timer.durationMs > 0 ? Math.min(1, timer.elapsedMs / timer.durationMs) : 1,
  }
}

/**
 * Milliseconds until the shown second changes: seconds are counted from `anchor` (the phase's
 * start plus its paused time), so a display that wakes a little after each whole second never
 * skips or repeats one, however the page's own clock is set. Never less than `margin`.
 */
export function msToNextTick(now: number, anchor: number, margin = 25): number {
  const intoSecond = (((now - anchor) % 1000) + 1000) % 1000
  return 1000 - intoSecond + margin
}
