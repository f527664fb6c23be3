import { type KeyboardEvent, type ReactNode, useId } from 'react'
import type { ListNote, NoteGroup } from './groupNotes'
import { NoteItem } from './NoteItem'
import type { RatingT } from './ratingMessages'

interface NoteGroupSectionProps {
  group: NoteGroup
  heading: string
  authorOf: (note: ListNote) => string
  scale: readonly string[] | null
  t: RatingT
  onMark: (note: ListNote, mark: string | null) => void
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, note: ListNote) => void
  /** What goes under a note (its votes), if anything. */
  extraFor?: (note: ListNote) => ReactNode
  /** Whether a note's author has the turn now. */
  isCurrent?: (note: ListNote) => boolean
  /** The pair or subgroup this section lists, when the list shows notes per pair. */
  groupId?: string
  /** Whether I may mark this note (each scores only their own topic); all of them when absent. */
  marksNote?: (note: ListNote) => boolean
}

/** One group of the list: a heading with its count, then its notes (or "none"). */
export function NoteGroupSection({
  group,
  heading,
  authorOf,
  scale,
  t,
  onMark,
  onKeyDown,
  extraFor,
  isCurrent,
  groupId,
  marksNote,
}: NoteGroupSectionProps) {
  const headingId = useId()
  const key = group.mark ?? 'none'
  return (
    <section
      className={`note-group note-group--${key}`}
      aria-labelledby={headingId}
      data-mark={group.mark ?? ''}
      data-group={groupId}
    >
      <h3 className="note-group__title" id={headingId}>
        <span className="note-group__name">{heading}</span>{' '}
        <span className="note-group__count">{group.notes.length}</span>
      </h3>
      {group.notes.length === 0 ? (
        <p className="note-group__empty">{t('list.groupEmpty')}</p>
      ) : (
        <ul className="note-group__list">
          {group.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              author={authorOf(note)}
              scale={scale && (marksNote?.(note) ?? true) ? scale : null}
              t={t}
              onMark={onMark}
              onKeyDown={onKeyDown}
              extra={extraFor?.(note)}
              current={isCurrent?.(note)}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
