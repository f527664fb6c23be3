import '../styles/eraseConfirm.css'
import { useState } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../i18n/useT'
import { forgetMeeting } from './meetingAccess'
import { meetingApi } from './meetingApi'
import { useServerAction } from './panels/useServerAction'

/**
 * For the facilitator: erase the meeting for good once it is over (board, notes, names, links).
 * What is said in the group stays in the group, and after the meeting it need not stay anywhere.
 */
export function EraseMeetingButton({ meetingId, token }: { meetingId: string; token: string }) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const action = useServerAction<'erase'>()

  const erase = async () => {
    const done = await action.run('erase', async () => {
      await meetingApi.erase(meetingId, token)
    })
    if (!done) return
    forgetMeeting(meetingId)
    window.location.assign('/')
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--quiet"
        aria-label={t('meeting.erase.button')}
        title={t('meeting.erase.button')}
        onClick={() => setConfirming(true)}
      >
        {t('meeting.erase.short')}
      </button>
    )
  }
  // Portalled to the body: the header is its own stacking context, below the phase bar's overlays.
  return createPortal(
    <div className="erase-confirm" role="alertdialog" aria-labelledby="erase-title">
      <p id="erase-title" className="erase-confirm__text">
        {t('meeting.erase.confirm')}
      </p>
      <button
        type="button"
        className="button button--danger"
        onClick={erase}
        disabled={action.pending !== null}
      >
        {t('meeting.erase.yes')}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('meeting.erase.no')}
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
