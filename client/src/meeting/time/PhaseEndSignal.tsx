import { useEffect, useRef, useState } from 'react'
import type { TimerView } from '../../../../shared/phaseMachine'
import { useT } from '../../i18n/useT'
import { loadSoundChoice, phaseTimeRanOut, playSoftTone, saveSoundChoice } from './phaseEndSignal'

interface PhaseEndSignalProps {
  /** The current phase's timer at this render (null outside a phase). */
  timer: TimerView | null
  /** Changes with every change of phase or round, so a new phase starts a new reading. */
  stage: string
}

/** How long the quiet signal stays on screen. */
const SIGNAL_MS = 8000

/**
 * The quiet end-of-phase signal: when the countdown reaches zero, a soft highlight and a line
 * "De tijd van deze fase is om" for a few seconds, read out politely; a short tone only for whoever
 * turned it on here (off by default). Nothing else happens: the facilitator decides what is next.
 */
export function PhaseEndSignal({ timer, stage }: PhaseEndSignalProps) {
  const t = useT()
  const [sound, setSound] = useState(loadSoundChoice)
  const [showing, setShowing] = useState(false)
  const last = useRef<{ stage: string; timer: TimerView | null }>({ stage, timer })

  useEffect(() => {
    const before = last.current.stage === stage ? last.current.timer : null
    last.current = { stage, timer }
    if (!phaseTimeRanOut(before, timer)) return
    setShowing(true)
    if (sound) playSoftTone()
  }, [timer, stage, sound])

  useEffect(() => {
    if (!showing) return
    const hide = setTimeout(() => setShowing(false), SIGNAL_MS)
    return () => clearTimeout(hide)
  }, [showing])

  return (
    <div className="phase-end-signal">
      <p
        className={`phase-end-signal__line${showing ? ' phase-end-signal__line--on' : ''}`}
        aria-live="polite"
      >
        {showing ? t('time.signal.ended') : ''}
      </p>
      <label className="phase-end-signal__sound">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => {
            setSound(event.target.checked)
            saveSoundChoice(event.target.checked)
          }}
        />{' '}
        {t('time.signal.sound')}
      </label>
    </div>
  )
}
