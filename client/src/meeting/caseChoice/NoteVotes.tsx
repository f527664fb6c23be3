import { useT } from '../../i18n/useT'
import { useServerAction } from '../panels/useServerAction'
import type { CaseActions } from './caseActions'

interface NoteVotesProps {
  noteId: string
  text: string
  /** Votes on this note, over everyone. */
  count: number
  /** My votes on it. */
  mine: number
  /** I may cast one more (the vote is open and I have one left). */
  canAdd: boolean
  /** The vote is open and I may vote at all (take back included). */
  canVote: boolean
  leading: boolean
  /** The facilitator may choose this case. */
  canChoose: boolean
  chosen: boolean
  actions: CaseActions
}

/**
 * Under a case in the list: its votes (live, for everyone: see caseVotes.ts), my vote buttons,
 * and for the facilitator "choose as the case", which makes it the meeting's case.
 */
export function NoteVotes(props: NoteVotesProps) {
  const { noteId, text, count, mine, canAdd, canVote, leading, canChoose, chosen, actions } = props
  const t = useT()
  const action = useServerAction<'add' | 'remove' | 'choose'>()
  const counted =
    count === 0
      ? t('votes.countNone')
      : count === 1
        ? t('votes.countOne')
        : t('votes.count', { count: String(count) })
  return (
    <div className="note-votes" data-votes={count} data-leading={leading || undefined}>
      <p className="note-votes__count">
        <span className="note-votes__dots" aria-hidden="true">
          {'●'.repeat(Math.min(count, 12))}
        </span>{' '}
        {counted}
        {mine > 0 ? ` (${t('votes.mine', { mine: String(mine) })})` : null}
        {leading ? <span className="note-votes__leading"> · {t('votes.leading')}</span> : null}
        {chosen ? <span className="note-votes__chosen"> · {t('votes.chosen')}</span> : null}
      </p>
      <div className="note-votes__buttons">
        {canVote ? (
          <>
            <button
              type="button"
              className="button button--small"
              aria-label={t('votes.addLabel', { text })}
              disabled={!canAdd || action.pending !== null}
              onClick={() => void action.run('add', () => actions.vote(noteId, true))}
            >
              {t('votes.add')}
            </button>
            {mine > 0 ? (
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={t('votes.removeLabel', { text })}
                disabled={action.pending !== null}
                onClick={() => void action.run('remove', () => actions.vote(noteId, false))}
              >
                {t('votes.remove')}
              </button>
            ) : null}
          </>
        ) : null}
        {canChoose && !chosen ? (
          <button
            type="button"
            className="button button--small button--primary"
            aria-label={t('votes.chooseLabel', { text })}
            disabled={action.pending !== null || text.trim() === ''}
            onClick={() =>
              void action.run('choose', () =>
                actions.command({ type: 'chooseCase', text: text.trim().slice(0, 500) }),
              )
            }
          >
            {t('votes.choose')}
          </button>
        ) : null}
      </div>
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  )
}
