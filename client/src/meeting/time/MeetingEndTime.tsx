import './time.css'
import { useEffect, useReducer } from 'react'
import type { MeetingProgress } from '../../../../shared/phaseMachine'
import type { Template } from '../../../../shared/templateSchema'
import { meetingEndAt } from '../../../../shared/timeBudget'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { clockTime, shiftMinutes } from './clockTime'

interface MeetingEndTimeProps {
  template: Template
  progress: MeetingProgress
  language: Language
  serverNow: () => number
}

/** How often the end is read again: it moves by the minute when a phase runs over or is paused. */
const REFRESH_MS = 10_000

/**
 * The planned end of the meeting beside the phase's timer, the same for everyone: "Einde 15:00",
 * and once it has moved from the plan at the start, by how much, in the overrun colour when later.
 * While the current phase runs over, the end moves with the clock, and it says so.
 */
export function MeetingEndTime({ template, progress, language, serverNow }: MeetingEndTimeProps) {
  const t = useT()
  const [, refresh] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  const now = serverNow()
  const end = meetingEndAt(template, progress, now)
  if (!end || progress.phaseIndex < 0) return null
  const offset = now - Date.now()
  const shift = shiftMinutes(end.shiftMs)
  const classes = ['meeting-end']
  if (shift > 0) classes.push('meeting-end--later')
  if (end.overrunning) classes.push('meeting-end--moving')
  const planned =
    end.plannedAtStart === null
      ? null
      : t('time.end.planned', { time: clockTime(end.plannedAtStart, offset, language) })
  return (
    <div
      className={classes.join(' ')}
      title={[planned, end.overrunning ? t('time.end.moving') : null].filter(Boolean).join(' ')}
    >
      <span className="visually-hidden">{t('time.end.label')}: </span>
      <span className="meeting-end__time">
        {t('time.end.at', { time: clockTime(end.end, offset, language) })}
      </span>
      {shift !== 0 ? (
        <span className="meeting-end__shift">
          {t(shift > 0 ? 'time.end.later' : 'time.end.earlier', { minutes: String(Math.abs(shift)) })}
        </span>
      ) : null}
    </div>
  )
}
