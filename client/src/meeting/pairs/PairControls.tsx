import './pairs.css'
import { useContext, useEffect, useId, useRef, useState } from 'react'
import { proposeGroups, takesPartInGroups } from '../../../../shared/groupWork'
import type { MeetingCommand, MeetingProgress } from '../../../../shared/phaseMachine'
import type { Phase } from '../../../../shared/schema'
import type { ParticipantView } from '../../../../shared/wire'
import { useT } from '../../i18n/useT'
import { MeetingContext } from '../canvas/meetingContext'
import { usePresence } from '../presence/usePresence'
import { memberNames } from './pairLabels'

interface PairControlsProps {
  phase: Phase | undefined
  progress: MeetingProgress
  participants: readonly ParticipantView[]
  disabled: boolean
  send: (command: MeetingCommand) => Promise<unknown>
}

/**
 * The facilitator's split, in a phase the method works in pairs or subgroups: "Tweetallen
 * maken…" proposes groups over those present who take part (shuffled again on request) before
 * splitting; while split: split again, or stop the group work. The server checks who may join.
 */
export function PairControls({ phase, progress, participants, disabled, send }: PairControlsProps) {
  const t = useT()
  const present = usePresence(useContext(MeetingContext)?.session)
  const [proposal, setProposal] = useState<string[][] | null>(null)
  const titleId = useId()
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (proposal) confirmRef.current?.focus()
  }, [proposal])

  const kind = phase?.groupWork
  if (!phase || !kind) return null
  const split = progress.groups
  const active = split && !split.ended && split.phaseId === phase.id
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? '?'

  const propose = (shuffle: boolean) => {
    const taking = participants
      .filter((p) => takesPartInGroups(phase, p.role) && (present === null || present.has(p.id)))
      .map((p) => p.id)
    if (shuffle) taking.sort(() => Math.random() - 0.5)
    setProposal(proposeGroups(taking, kind))
  }
  const opener = (
    <button
      type="button"
      className="button facilitator-controls__button"
      disabled={disabled}
      aria-expanded={proposal !== null}
      title={t('pairs.startHint')}
      onClick={() => (proposal ? setProposal(null) : propose(false))}
    >
      {active ? t('pairs.redo') : t(`pairs.start.${kind}`)}
    </button>
  )
  return (
    <span className="moves-popover-anchor">
      {opener}
      {active ? (
        <button
          type="button"
          className="button facilitator-controls__button"
          disabled={disabled}
          onClick={() => send({ type: 'endGroups' })}
        >
          {t('pairs.end')}
        </button>
      ) : null}
      {proposal ? (
        <div className="turn-start moves-popover pairs-popover" role="dialog" aria-labelledby={titleId}>
          <p className="turn-start__title" id={titleId}>
            {t(`pairs.dialogTitle.${kind}`)}
          </p>
          {proposal.length === 0 ? <p>{t('pairs.tooFew')}</p> : null}
          <ol className="turn-start__order pair-proposal">
            {proposal.map((members) => (
              <li key={members.join()}>{memberNames(members, nameOf)}</li>
            ))}
          </ol>
          <div className="turn-start__actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--primary"
              disabled={disabled || proposal.length === 0}
              onClick={async () => {
                await send({ type: 'splitGroups', groups: proposal })
                setProposal(null)
              }}
            >
              {t('pairs.confirm')}
            </button>
            <button type="button" className="button" onClick={() => propose(true)}>
              {t('pairs.shuffle')}
            </button>
            <button type="button" className="button" onClick={() => setProposal(null)}>
              {t('pairs.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </span>
  )
}
