import '../../styles/people.css'
import { useId, useState } from 'react'
import { useT } from '../../i18n/useT'
import { useServerAction } from './useServerAction'

/**
 * The facilitator's "Verwijderen" on one person, asked first in place: their session ends on every
 * instance and cannot come back (the server revokes it). A refusal shows under it, worded from
 * its code.
 */
export function RemoveParticipant({ name, remove }: { name: string; remove(): Promise<void> }) {
  const t = useT()
  const questionId = useId()
  const [asking, setAsking] = useState(false)
  const action = useServerAction<'remove'>()
  const yes = async () => {
    if (await action.run('remove', remove)) setAsking(false)
  }
  return (
    <div className="person__remove">
      {asking ? (
        <div className="person__confirm" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId} className="person__question">
            {t('people.remove.confirm', { name })}
          </p>
          <button
            type="button"
            className="button button--danger button--small"
            onClick={yes}
            disabled={action.pending !== null}
          >
            {t('people.remove.yes')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            {t('people.remove.no')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="person__remove-button"
          onClick={() => setAsking(true)}
          aria-label={`${t('people.remove')}: ${name}`}
        >
          {t('people.remove')}
        </button>
      )}
      {action.error ? (
        <p className="person__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  )
}
