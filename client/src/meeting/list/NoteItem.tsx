import { type KeyboardEvent, type ReactNode, useId } from 'react'
import type { ListNote } from './groupNotes'
import { markText, type RatingT } from './ratingMessages'

interface NoteItemProps {
  note: ListNote
  author: string
  /** The values the rater chooses from, in order; null: this person does not rate here. */
  scale: readonly string[] | null
  t: RatingT
  onMark: (note: ListNote, mark: string | null) => void
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, note: ListNote) => void
  /** Under the note: its votes while the group chooses the case (caseChoice/). */
  extra?: ReactNode
  /** Its author has the turn now ("om de beurt"): everyone sees whose note is being heard. */
  current?: boolean
}

/**
 * One note in the list: its text, who wrote it and its mark. The item itself takes focus (the
 * arrow keys move between items, a letter marks it); for the rater its buttons, at least 24 px,
 * follow it in the tab order, in a group named after the note; the chosen one is pressed, and
 * pressing it again takes the mark away.
 */
export function NoteItem({ note, author, scale, t, onMark, onKeyDown, extra, current }: NoteItemProps) {
  const textId = useId()
  const metaId = useId()
  const text = note.text === '' ? t('list.noText') : note.text
  return (
    <li
      className={current ? 'note-item note-item--current' : 'note-item'}
      data-note-id={note.id}
      data-current={current || undefined}
      data-mark={note.mark ?? ''}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the list's keyboard model: an item takes focus so the arrow keys and W/N/K work on it
      tabIndex={0}
      aria-labelledby={`${textId} ${metaId}`}
      onKeyDown={(event) => onKeyDown(event, note)}
    >
      <p className="note-item__text" id={textId}>
        {text}
      </p>
      <div className="note-item__foot">
        <p className="note-item__meta" id={metaId}>
          <span className="note-item__author">{t('list.by', { name: author })}</span>
          {note.draft ? <span className="note-item__draft"> · {t('list.draft')}</span> : null}
          {scale ? (
            <span className="visually-hidden"> · {markText(t, note.mark, 'name')}</span>
          ) : note.mark !== null ? (
            <span className={`note-item__mark note-item__mark--${note.mark}`}>
              {' '}
              · {markText(t, note.mark, 'name')}
            </span>
          ) : null}
        </p>
        {scale ? (
          <fieldset className="note-item__marks">
            <legend className="visually-hidden">{t('list.marksFor', { text })}</legend>
            {scale.map((value) => (
              <button
                key={value}
                type="button"
                className={`mark-button mark-button--${value}`}
                aria-pressed={note.mark === value}
                onClick={() => onMark(note, note.mark === value ? null : value)}
              >
                <MarkLabel t={t} value={value} />
              </button>
            ))}
          </fieldset>
        ) : null}
      </div>
      {extra}
    </li>
  )
}

/**
 * A button's text: the mark as the badge shows it (W in Dutch, Warm in English, a score), with
 * the word for a screen reader where the badge is only a letter, so the name starts with what
 * is seen. "Herkend" in full: its badge is a sign.
 */
function MarkLabel({ t, value }: { t: RatingT; value: string }) {
  if (value === 'herkend') return <>{markText(t, value, 'heading')}</>
  const badge = markText(t, value, 'badge')
  const name = markText(t, value, 'name')
  return (
    <>
      {badge}
      {badge.toLowerCase() === name.toLowerCase() ? null : <span className="visually-hidden"> · {name}</span>}
    </>
  )
}
