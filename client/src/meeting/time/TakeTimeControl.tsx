import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import type { MeetingCommand, MeetingProgress } from '../../../../shared/phaseMachine'
import type { Template } from '../../../../shared/templateSchema'
import { previewTakeTime, type TakeFrom } from '../../../../shared/timeBudget'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { clockTime } from './clockTime'

interface TakeTimeControlProps {
  template: Template
  progress: MeetingProgress
  language: Language
  serverNow: () => number
  disabled: boolean
  /** Sends the command (through the facilitator controls' one-at-a-time action). */
  send: (command: MeetingCommand) => Promise<unknown>
}

/**
 * "Tijd halen…": the facilitator takes minutes from later phases, spread or from one, and sees the
 * new end of the meeting and what each phase gives before confirming. The preview is the same pure
 * function the server's command uses (timeBudget.ts), on the server's clock.
 */
export function TakeTimeControl({
  template,
  progress,
  language,
  serverNow,
  disabled,
  send,
}: TakeTimeControlProps) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [minutes, setMinutes] = useState(5)
  const [from, setFrom] = useState('spread')
  const openRef = useRef<HTMLButtonElement>(null)
  const firstRef = useRef<HTMLInputElement>(null)
  const ids = { title: useId(), minutes: useId(), from: useId() }
  useEffect(() => {
    if (open) firstRef.current?.focus()
  }, [open])

  const later = template.phases.slice(progress.phaseIndex + 1)
  const close = () => {
    setOpen(false)
    openRef.current?.focus()
  }
  const opener = (
    <button
      ref={openRef}
      type="button"
      className="button facilitator-controls__button"
      disabled={disabled || later.length === 0}
      aria-expanded={open}
      title={t('time.take.openHint')}
      onClick={() => setOpen(!open)}
    >
      {t('time.take.open')}
    </button>
  )
  if (!open) return <span className="moves-popover-anchor">{opener}</span>

  const take: TakeFrom = from === 'spread' ? 'spread' : { phaseId: from }
  const now = serverNow()
  const offset = now - Date.now()
  const preview =
    Number.isInteger(minutes) && minutes > 0 ? previewTakeTime(template, progress, minutes, take, now) : null
  const titleOf = (phaseId: string) =>
    template.phases.find((p) => p.id === phaseId)?.title[language] ?? phaseId
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }

  return (
    <span className="moves-popover-anchor">
      {opener}
      <div
        className="take-time moves-popover"
        role="dialog"
        aria-labelledby={ids.title}
        onKeyDown={closeOnEscape}
      >
        <p className="take-time__title" id={ids.title}>
          {t('time.take.title')}
        </p>
        <div className="take-time__fields">
          <label htmlFor={ids.minutes}>{t('time.take.minutes')}</label>
          <input
            ref={firstRef}
            id={ids.minutes}
            type="number"
            min={1}
            max={240}
            step={1}
            value={Number.isFinite(minutes) ? minutes : ''}
            onChange={(event) => setMinutes(Math.trunc(Number(event.target.value)))}
          />
          <label htmlFor={ids.from}>{t('time.take.from')}</label>
          <select id={ids.from} value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="spread">{t('time.take.spread')}</option>
            {later.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.title[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="take-time__preview" aria-live="polite">
          {later.length === 0 ? (
            <p>{t('time.take.none')}</p>
          ) : preview?.ok ? (
            <>
              <p className="take-time__end">
                {t('time.take.preview', {
                  end: clockTime(preview.end, offset, language),
                  before: clockTime(preview.before, offset, language),
                })}
              </p>
              <ul className="take-time__phases">
                {preview.perPhase.map((p) => (
                  <li key={p.phaseId}>
                    {t('time.take.perPhase', { phase: titleOf(p.phaseId), minutes: String(p.minutes) })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="take-time__cannot">{t('time.take.cannot')}</p>
          )}
        </div>
        <div className="take-time__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={disabled || !preview?.ok}
            onClick={async () => {
              await send({ type: 'takeTime', minutes, from: take })
              close()
            }}
          >
            {t('time.take.confirm')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('time.take.cancel')}
          </button>
        </div>
      </div>
    </span>
  )
}
