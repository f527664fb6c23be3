import '../styles/eraseConfirm.css'
import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../i18n/useT'
import { useServerAction } from '../meeting/panels/useServerAction'
import { boardApi } from './boardApi'

/**
 * Erase a free board for good, after a confirmation. Whoever has the link may: it is the only key
 * a free board has. The others with it open see that it was erased (close 4411).
 */
export function EraseBoardButton({ roomId, onErased }: { roomId: string; onErased(): void }) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const action = useServerAction<'erase'>()

  const erase = async () => {
    const done = await action.run('erase', async () => {
      await boardApi.erase(roomId)
    })
    if (done) onErased()
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--quiet"
        aria-label={t('board.erase.button')}
        title={t('board.erase.button')}
        onClick={() => setConfirming(true)}
      >
        {t('board.erase.short')}
      </button>
    )
  }
  // Portalled to the body, as the meeting's erase confirmation: above the canvas and its menus.
  return createPortal(
    <div className="erase-confirm" role="alertdialog" aria-labelledby="erase-board-title">
      <p id="erase-board-title" className="erase-confirm__text">
        {t('board.erase.confirm')}
      </p>
      <button
        type="button"
        className="button button--danger"
        onClick={erase}
        disabled={action.pending !== null}
      >
        {t('board.erase.yes')}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('board.erase.no')}
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
