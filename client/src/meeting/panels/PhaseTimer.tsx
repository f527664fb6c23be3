import type { TimerView } from '../../../../shared/phaseMachine'
import { useT } from '../../i18n/useT'
import { timerDisplay } from './timerFormat'

interface PhaseTimerProps {
  timer: TimerView
  /** Minutes the facilitator added to this phase (shown beside the planned time). */
  extraMinutes: number
}

/**
 * The countdown of the current phase. Over time it counts on ("+2:13 over tijd") in a calm warning
 * colour; paused, it says so. A timer role is not announced by itself, so it does not talk every
 * second; the text for screen readers is there when someone moves to it.
 */
export function PhaseTimer({ timer, extraMinutes }: PhaseTimerProps) {
  const t = useT()
  const display = timerDisplay(timer)
  const minutes = String(Math.round(timer.durationMs / 60_000))
  const planned =
    extraMinutes > 0
      ? t('meeting.timer.ofExtended', { minutes, extra: String(extraMinutes) })
      : t('meeting.timer.of', { minutes })
  const spoken = display.overrun
    ? t('meeting.timer.srOverrun', { time: display.time })
    : t('meeting.timer.srLeft', { time: display.time, minutes })

  const classes = ['phase-timer']
  if (display.overrun) classes.push('phase-timer--overrun')
  if (display.paused) classes.push('phase-timer--paused')

  return (
    <div className={classes.join(' ')} role="timer" aria-label={t('meeting.timer.label')}>
      <span className="phase-timer__time" aria-hidden="true">
        {display.paused ? <PauseIcon /> : null}
        {display.text}
      </span>
      <span className="phase-timer__caption" aria-hidden="true">
        {display.overrun ? t('meeting.timer.overrun') : planned}
        {display.paused ? ` · ${t('meeting.timer.paused')}` : null}
      </span>
      <span className="visually-hidden">
        {spoken}
        {display.paused ? `, ${t('meeting.timer.paused')}` : null}
      </span>
    </div>
  )
}

function PauseIcon() {
  return (
    <svg className="phase-timer__icon" viewBox="0 0 16 16" width="14" height="14" focusable="false">
      <rect x="3" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
    </svg>
  )
}
