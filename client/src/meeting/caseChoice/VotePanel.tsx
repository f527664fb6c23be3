import { type FormEvent, useId, useState } from 'react'
import { type CaseVoting, MAX_VOTES_PER_PERSON, myVotes } from '../../../../shared/caseVotes'
import type { RoleId } from '../../../../shared/schema'
import { useT } from '../../i18n/useT'
import { useServerAction } from '../panels/useServerAction'
import type { CaseActions } from './caseActions'

interface VotePanelProps {
  voting: CaseVoting | null
  /** Whether the current phase is the one that votes on this zone (else: the counts only). */
  votingPhase: boolean
  myId: string
  role: RoleId
  actions: CaseActions
}

/**
 * Above the case list while the group votes: for the facilitator, the number of votes per person
 * and opening or closing the vote; for everyone, how many votes they have left.
 */
export function VotePanel({ voting, votingPhase, myId, role, actions }: VotePanelProps) {
  const t = useT()
  const inputId = useId()
  const [perPerson, setPerPerson] = useState(String(voting?.perPerson ?? 3))
  const action = useServerAction<'setVotes' | 'closeVoting'>()
  const isFacilitator = role === 'begeleider'
  const open = voting?.open === true

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const n = Math.round(Number(perPerson))
    if (!Number.isFinite(n) || n < 1 || n > MAX_VOTES_PER_PERSON) return
    void action.run('setVotes', () => actions.command({ type: 'setVotes', perPerson: n }))
  }

  const mine = myVotes(voting, myId)
  const status = !open
    ? voting
      ? t('votes.closed')
      : t('votes.notOpenYet')
    : role === 'observer'
      ? t('votes.observer')
      : mine.left > 0
        ? t('votes.left', { left: String(mine.left), total: String(voting.perPerson) })
        : t('votes.leftNone', { total: String(voting.perPerson) })

  return (
    <div className="vote-panel" data-open={open}>
      {isFacilitator && votingPhase ? (
        <form className="vote-panel__set" onSubmit={submit}>
          <label htmlFor={inputId} className="vote-panel__label">
            {t('votes.perPerson')}
          </label>
          <input
            id={inputId}
            className="field__input vote-panel__number"
            type="number"
            min={1}
            max={MAX_VOTES_PER_PERSON}
            value={perPerson}
            onChange={(e) => setPerPerson(e.target.value)}
          />
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={action.pending !== null}
          >
            {open ? t('votes.change') : t('votes.open')}
          </button>
          {open ? (
            <button
              type="button"
              className="button button--small"
              disabled={action.pending !== null}
              onClick={() => void action.run('closeVoting', () => actions.command({ type: 'closeVoting' }))}
            >
              {t('votes.close')}
            </button>
          ) : null}
        </form>
      ) : null}
      {votingPhase || voting ? (
        <p className="vote-panel__status" aria-live="polite">
          {status}
        </p>
      ) : null}
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  )
}
