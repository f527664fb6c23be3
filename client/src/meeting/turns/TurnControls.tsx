import { useContext, useEffect, useId, useRef, useState } from 'react'
import type { MeetingCommand, MeetingProgress } from '../../../../shared/phaseMachine'
import type { ParticipantView } from '../../../../shared/wire'
import { useT } from '../../i18n/useT'
import { MeetingContext } from '../canvas/meetingContext'
import { usePresence } from '../presence/usePresence'
import { proposedOrder } from './roundOrder'

interface TurnControlsProps {
  progress: MeetingProgress
  participants: readonly ParticipantView[]
  disabled: boolean
  send: (command: MeetingCommand) => Promise<unknown>
}

/**
 * The facilitator's turns: "Om de beurt…" shows the order over those present (each can be left
 * out) before starting; during a round: back, next, skip, end.
 */
export function TurnControls({ progress, participants, disabled, send }: TurnControlsProps) {
  const t = useT()
  const present = usePresence(useContext(MeetingContext)?.session)
  const [choosing, setChoosing] = useState(false)
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set())
  const titleId = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (choosing) confirmRef.current?.focus()
  }, [choosing])

  const turns = progress.turns ?? null
  if (turns) {
    const done = turns.at >= turns.order.length
    const button = (label: string, command: MeetingCommand, off = false) => (
      <button
        type="button"
        className="button facilitator-controls__button"
        disabled={disabled || off}
        onClick={() => send(command)}
      >
        {label}
      </button>
    )
    return (
      <fieldset className="turn-controls">
        <legend className="visually-hidden">{t('turns.title')}</legend>
        {button(`‹ ${t('turns.back')}`, { type: 'turnsBack' }, turns.at === 0)}
        {button(`${t('turns.next')} ›`, { type: 'turnsNext' }, done)}
        {button(t('turns.skip'), { type: 'turnsSkip' }, done)}
        {button(t('turns.end'), { type: 'turnsEnd' })}
      </fieldset>
    )
  }

  const opener = (
    <button
      type="button"
      className="button facilitator-controls__button"
      disabled={disabled}
      aria-expanded={choosing}
      title={t('turns.startHint')}
      onClick={() => {
        setLeft(new Set())
        setChoosing(!choosing)
      }}
    >
      {t('turns.start')}
    </button>
  )
  if (!choosing) return <span className="moves-popover-anchor">{opener}</span>

  const order = proposedOrder(participants, present).filter((p) => !left.has(p.id))
  const all = proposedOrder(participants, present)
  return (
    <span className="moves-popover-anchor">
      {opener}
      <div className="turn-start moves-popover" role="dialog" aria-labelledby={titleId}>
        <p className="turn-start__title" id={titleId}>
          {t('turns.startTitle')}
        </p>
        {all.length === 0 ? <p>{t('turns.nobody')}</p> : null}
        <ol className="turn-start__order">
          {all.map((person) => (
            <li key={person.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!left.has(person.id)}
                  onChange={(event) => {
                    const next = new Set(left)
                    if (event.target.checked) next.delete(person.id)
                    else next.add(person.id)
                    setLeft(next)
                  }}
                />{' '}
                {person.name}
              </label>
            </li>
          ))}
        </ol>
        <div className="turn-start__actions">
          <button
            ref={confirmRef}
            type="button"
            className="button button--primary"
            disabled={disabled || order.length === 0}
            onClick={async () => {
              await send({ type: 'turnsStart', order: order.map((p) => p.id) })
              setChoosing(false)
            }}
          >
            {t('turns.startConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setChoosing(false)}>
            {t('turns.cancel')}
          </button>
        </div>
      </div>
    </span>
  )
}
