import { useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { BoardRecord } from '../../../../shared/boardRecords'
import { removedByFacilitator, sealedTextOf } from '../../../../shared/drafts/revealedNotes'
import { useT } from '../../i18n/useT'
import { useServerAction } from '../panels/useServerAction'
import { draftApi } from './draftApi'

/**
 * The begeleider's one power over a revealed note: removing it, visibly. The note stays on every
 * board saying the begeleider removed it; its text is gone (the server does it, see
 * DraftService.removeRevealed). Shown while one revealed note is selected; asks first.
 */
export function RevealedNoteActions({
  editor,
  meetingId,
  token,
}: {
  editor: Editor | null
  meetingId: string
  token: string
}) {
  const t = useT()
  const [confirming, setConfirming] = useState<string | null>(null)
  const action = useServerAction<'remove'>()
  const selected = useValue('selected revealed note', () => {
    const shapes = editor?.getSelectedShapes() ?? []
    const only = shapes.length === 1 ? (shapes[0] as unknown as BoardRecord) : null
    return only && sealedTextOf(only) !== null && !removedByFacilitator(only) ? only.id : null
  }, [editor])
  if (!selected) return null
  const remove = async () => {
    if (await action.run('remove', () => draftApi.removeRevealed(meetingId, token, selected).then(() => {})))
      setConfirming(null)
  }
  return (
    <section className="revealed-actions" aria-label={t('drafts.removeRevealed')}>
      {confirming === selected ? (
        <div role="alertdialog" aria-label={t('drafts.removeRevealed')}>
          <p className="revealed-actions__hint">{t('drafts.removeRevealedHint')}</p>
          <button
            type="button"
            className="button button--danger"
            onClick={remove}
            disabled={action.pending !== null}
          >
            {t('drafts.removeRevealedConfirm')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            {t('drafts.removeRevealedCancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(selected)}>
          {t('drafts.removeRevealed')}
        </button>
      )}
      {action.error ? (
        <p className="revealed-actions__problem" role="alert">
          {action.error}
        </p>
      ) : null}
    </section>
  )
}
