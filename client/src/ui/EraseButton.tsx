import '../styles/eraseConfirm.css'
import { type ReactNode, useId, useState } from 'react'
import { createPortal } from 'react-dom'
import type { MessageKey } from '../i18n/messages'
import { useT } from '../i18n/useT'
import { useServerAction } from '../meeting/panels/useServerAction'

/** The words of one erase button: its label, its short text, the question and both answers. */
export interface EraseTexts {
  button: MessageKey
  short: MessageKey
  confirm: MessageKey
  yes: MessageKey
  no: MessageKey
}

/**
 * Erasing for good, after a confirmation (a meeting, a free board). The confirmation is portalled
 * to the body: the header is its own stacking context, below the canvas's overlays and menus.
 */
export function EraseButton({
  texts,
  erase,
  onErased,
  saveFirst,
}: {
  texts: EraseTexts
  /** What can still be kept, offered before "yes" (ui/SaveFirst.tsx). */
  saveFirst?: ReactNode
  /** The server call; rejects with the refusal to show. */
  erase(): Promise<unknown>
  onErased(): void
}) {
  const t = useT()
  const titleId = useId()
  const [confirming, setConfirming] = useState(false)
  const action = useServerAction<'erase'>()

  const confirm = async () => {
    const done = await action.run('erase', async () => {
      await erase()
    })
    if (done) onErased()
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--quiet"
        aria-label={t(texts.button)}
        title={t(texts.button)}
        onClick={() => setConfirming(true)}
      >
        {t(texts.short)}
      </button>
    )
  }
  return createPortal(
    <div className="erase-confirm" role="alertdialog" aria-labelledby={titleId}>
      <p id={titleId} className="erase-confirm__text">
        {t(texts.confirm)}
      </p>
      {saveFirst}
      <button
        type="button"
        className="button button--danger"
        onClick={confirm}
        disabled={action.pending !== null}
      >
        {t(texts.yes)}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t(texts.no)}
      </button>
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>,
    document.body,
  )
}
