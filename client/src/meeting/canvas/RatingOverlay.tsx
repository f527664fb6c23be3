import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { type BoardRecord, ratingOf } from '../../../../shared/boardRecords'
import { zonesRatedIn } from '../columns/zoneColumns'
import { markText } from '../list/ratingMessages'
import { useRatingT } from '../list/useRatingT'
import { readZoneNotes } from '../list/zoneNotes'
import { useMeeting } from './meetingContext'

/**
 * A badge on every rated note: its mark (W, N or K in Dutch, Warm, Neutral or Cold in English;
 * a mark; a score), just above the note's top-right corner, in the room slots leave above every
 * note (MARK_ROOM), so it never covers the note's text nor a neighbour. While a zone is being rated, its notes without a mark show "?":
 * what is left to rate, whatever column it happens to stand in. Marking happens in the notes
 * list and in the W/N/K columns; the badge only shows. Hidden from screen readers: the list
 * says the same in words.
 */
export function RatingOverlay() {
  const editor = useEditor()
  const meeting = useMeeting()
  const t = useRatingT()
  const badges = useValue('rating badges', () => {
    const rated = editor.getCurrentPageShapes().flatMap((shape) => {
      const rating = ratingOf(shape as unknown as BoardRecord)
      if (rating === null || editor.isShapeHidden(shape)) return []
      const bounds = editor.getShapePageBounds(shape)
      return bounds ? [{ id: shape.id, rating: rating as string | null, x: bounds.maxX, y: bounds.y }] : []
    })
    const phaseIndex = meeting.$view.get()?.progress.phaseIndex ?? -1
    const waiting = zonesRatedIn(meeting.template, phaseIndex).flatMap((zoneId) =>
      readZoneNotes(editor, meeting, zoneId)
        .filter((note) => note.mark === null)
        .flatMap((note) => {
          const bounds = editor.getShapePageBounds(note.id as TLShapeId)
          return bounds ? [{ id: note.id, rating: null, x: bounds.maxX, y: bounds.y }] : []
        }),
    )
    return [...rated, ...waiting]
  }, [editor, meeting])
  return (
    <>
      {badges.map((b) => (
        <span
          key={b.id}
          className="rating-badge-anchor"
          style={{ transform: `translate(${b.x}px, ${b.y}px)` }}
          aria-hidden="true"
        >
          <span
            className={`rating-badge rating-badge--${b.rating ?? 'none'}`}
            data-rating={b.rating ?? ''}
            data-note={b.id}
          >
            {markText(t, b.rating, 'badge')}
          </span>
        </span>
      ))}
    </>
  )
}
