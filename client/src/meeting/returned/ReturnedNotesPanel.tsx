import './returned.css'
import { useId, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import { useLanguage, useT } from '../../i18n/useT'
import type { MeetingState } from '../meetingState'
import { placeReturned, placeTarget } from './keepReturned'
import type { ReturnedNote } from './returnedNotes'
import type { ReturnedStore } from './returnedStore'

interface ReturnedNotesPanelProps {
  store: ReturnedStore
  meeting: MeetingState
  /** The editor, once the canvas is mounted (placing needs it). */
  editor: Editor | null
}

/**
 * "Teruggekomen notities": my notes the server did not take, each with the reason, to copy, to
 * put on the board where I may write now, or to throw away. Only shown when there are any.
 */
export function ReturnedNotesPanel({ store, meeting, editor }: ReturnedNotesPanelProps) {
  const t = useT()
  const notes = useValue('returned notes', () => store.$notes.get(), [store])
  const canPlace = useValue('can place', () => placeTarget(meeting) !== null, [meeting])
  const [open, setOpen] = useState(true)
  const headingId = useId()
  const listId = useId()
  if (notes.length === 0) return null
  return (
    <section className="returned" aria-labelledby={headingId}>
      <div className="returned__head">
        <h2 className="returned__title" id={headingId}>
          {t('returned.title')} <span className="returned__count">({notes.length})</span>
        </h2>
        <button
          type="button"
          className="returned__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('returned.hide') : t('returned.show')}
        </button>
      </div>
      <div id={listId} hidden={!open}>
        <p className="returned__intro">{t('returned.intro')}</p>
        {canPlace ? null : <p className="returned__intro">{t('returned.nowhere')}</p>}
        <ul className="returned__list">
          {notes.map((note) => (
            <ReturnedItem
              key={note.id}
              note={note}
              canPlace={canPlace && editor !== null}
              onPlace={() => (editor ? placeReturned(editor, meeting, note) : Promise.resolve(false))}
              onDiscard={() => store.remove(note.id)}
              onPlaced={() => store.remove(note.id)}
            />
          ))}
        </ul>
      </div>
    </section>
  )
}

interface ReturnedItemProps {
  note: ReturnedNote
  canPlace: boolean
  onPlace(): Promise<boolean>
  onPlaced(): void
  onDiscard(): void
}

function ReturnedItem({ note, canPlace, onPlace, onPlaced, onDiscard }: ReturnedItemProps) {
  const t = useT()
  const language = useLanguage()
  const [status, setStatus] = useState<'copied' | 'copyFailed' | 'placeFailed' | null>(null)
  const statusId = useId()

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(note.text)
      setStatus('copied')
    } catch {
      setStatus('copyFailed')
    }
  }
  const place = async () => {
    if (await onPlace()) onPlaced()
    else setStatus('placeFailed')
  }

  return (
    <li className="returned__item">
      <p className="returned__text">{note.text}</p>
      <p className="returned__why">{t('returned.why', { reason: note.reason[language] })}</p>
      <div className="returned__actions">
        <button type="button" className="button" onClick={copy} aria-describedby={statusId}>
          {t('returned.copy')}
        </button>
        <button type="button" className="button" onClick={place} disabled={!canPlace}>
          {t('returned.place')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDiscard}>
          {t('returned.discard')}
        </button>
      </div>
      <p className="returned__status" id={statusId} role="status">
        {status ? t(`returned.${status}`) : ''}
      </p>
    </li>
  )
}
