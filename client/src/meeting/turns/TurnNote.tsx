import { useT } from '../../i18n/useT'
import type { ListNote } from '../list/groupNotes'

interface TurnNoteProps {
  name: string
  notes: readonly ListNote[]
}

/**
 * Above the list while a round "om de beurt" runs over a zone's notes: whose turn it is and what
 * they wrote here, for everyone, so the group hears one advice at a time and reads along.
 */
export function TurnNote({ name, notes }: TurnNoteProps) {
  const t = useT()
  return (
    <section className="turn-note" aria-live="polite" aria-label={t('turnNote.label')}>
      <p className="turn-note__who">
        <strong>{t('turnNote.label')}:</strong> {name}
      </p>
      {notes.length === 0 ? (
        <p className="turn-note__none">{t('turnNote.none', { name })}</p>
      ) : (
        notes.map((note) => (
          <p key={note.id} className="turn-note__text">
            {note.text}
          </p>
        ))
      )}
    </section>
  )
}
