import { type ReactNode, useId, useState } from 'react'
import type { MessageKey } from '../i18n/messages'
import { useT } from '../i18n/useT'
import { useServerAction } from '../meeting/panels/useServerAction'

/** The words of one action that asks first: its button, the question and both answers. */
export interface ConfirmTexts {
  button: MessageKey
  confirm: MessageKey
  yes: MessageKey
  no: MessageKey
}

/**
 * An action on the group page that asks first, in place (erasing the group, a new group link): a
 * quiet button, then the question with yes and no. One server call at a time; a refusal is shown
 * under it, worded from its code.
 */
export function ConfirmInPlace({
  texts,
  yesClass,
  act,
  saveFirst,
}: {
  texts: ConfirmTexts
  /** The yes button's look: `button--danger` for what cannot be undone. */
  yesClass: 'button--danger' | 'button--primary'
  /** The server call and what follows it; rejects with the refusal to show. */
  act(): Promise<void>
  /** What can still be kept, offered before "yes" (ui/SaveFirst.tsx). */
  saveFirst?: ReactNode
}) {
  const t = useT()
  const questionId = useId()
  const [confirming, setConfirming] = useState(false)
  const action = useServerAction<'confirm'>()
  const yes = async () => {
    if (await action.run('confirm', act)) setConfirming(false)
  }
  return (
    <>
      {confirming ? (
        <div className="group-card__actions" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId} className="group-confirm__question">
            {t(texts.confirm)}
          </p>
          {saveFirst}
          <button
            type="button"
            className={`button ${yesClass}`}
            onClick={yes}
            disabled={action.pending !== null}
          >
            {t(texts.yes)}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t(texts.no)}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
          {t(texts.button)}
        </button>
      )}
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </>
  )
}
