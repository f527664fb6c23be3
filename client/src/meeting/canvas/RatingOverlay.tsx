import { useEditor, useValue } from 'tldraw'
import { type BoardRecord, ratingOf } from '../../../../templates/src/boardRecords'
import { markText } from '../list/ratingMessages'
import { useRatingT } from '../list/useRatingT'

/**
 * A badge on every rated note: its mark (W, N or K in Dutch, Warm, Neutral or Cold in English;
 * a mark; a score), inside the note's top-right corner, so it never covers a neighbour and
 * always sits on its own note. Marking happens in the notes list and in the W/N/K columns; the
 * badge only shows. Hidden from screen readers: the list says the same in words.
 */
export function RatingOverlay() {
  const editor = useEditor()
  const t = useRatingT()
  const badges = useValue(
    'rating badges',
    () =>
      editor.getCurrentPageShapes().flatMap((shape) => {
        const rating = ratingOf(shape as unknown as BoardRecord)
        const bounds =
          rating === null || editor.isShapeHidden(shape) ? undefined : editor.getShapePageBounds(shape)
        return rating !== null && bounds ? [{ id: shape.id, rating, x: bounds.maxX, y: bounds.y }] : []
      }),
    [editor],
  )
  return (
    <>
      {badges.map((b) => (
        <span
          key={b.id}
          className="rating-badge-anchor"
          style={{ transform: `translate(${b.x}px, ${b.y}px)` }}
          aria-hidden="true"
        >
          <span className={`rating-badge rating-badge--${b.rating}`} data-rating={b.rating} data-note={b.id}>
            {markText(t, b.rating, 'badge')}
          </span>
        </span>
      ))}
    </>
  )
}
