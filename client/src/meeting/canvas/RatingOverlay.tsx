import { type TLShape, useEditor, useValue } from 'tldraw'
import { type BoardRecord, ratingOf } from '../../../../templates/src/boardRecords'
import { accessFor, findZone } from '../../../../templates/src/permissions'
import { RATING_VALUES } from '../../../../templates/src/recordPolicy'
import { useT } from '../../i18n/useT'
import { zoneOnBoard } from '../locks/boardPolicy'
import { useMeeting } from './meetingContext'

/**
 * Ratings on the canvas: a badge on every rated note (W, N, K, a mark, a score), and for whoever
 * may rate in this phase (the inbrenger), buttons beside the one selected note to rate it.
 */
export function RatingOverlay() {
  const editor = useEditor()
  const meeting = useMeeting()
  const t = useT()
  const state = useValue('ratings', () => {
    const badges = editor
      .getCurrentPageShapes()
      .filter((s) => ratingOf(s as unknown as BoardRecord) !== null)
      .map((s) => ({
        id: s.id,
        rating: ratingOf(s as unknown as BoardRecord)!,
        bounds: editor.getShapePageBounds(s.id),
      }))
    const selected = editor.getOnlySelectedShape()
    let control: { shape: TLShape; scale: readonly string[]; current: string | null } | null = null
    const me = meeting.me()
    if (selected && me) {
      const zoneId = zoneOnBoard(editor, meeting, selected)
      const zone = zoneId ? findZone(meeting.template, zoneId) : undefined
      const canRate =
        zoneId !== null && accessFor(meeting.template, meeting.phaseId(), zoneId, me.role).can.has('rate')
      if (zone?.rating && canRate) {
        control = {
          shape: selected,
          scale: RATING_VALUES[zone.rating],
          current: ratingOf(selected as unknown as BoardRecord),
        }
      }
    }
    return {
      badges,
      control,
      controlBounds: control ? editor.getShapePageBounds(control.shape.id) : undefined,
    }
  }, [editor, meeting])

  const rate = (shape: TLShape, value: string | null) => {
    const { rating: _old, ...meta } = shape.meta as Record<string, unknown>
    editor.updateShape({
      id: shape.id,
      type: shape.type,
      meta: value === null ? meta : { ...meta, rating: value },
    } as never)
  }

  return (
    <>
      {state.badges.map((b) =>
        b.bounds ? (
          <span
            key={b.id}
            className={`rating-badge rating-badge--${b.rating}`}
            style={{ transform: `translate(${b.bounds.x - 12}px, ${b.bounds.y - 12}px)` }}
            data-rating={b.rating}
          >
            {b.rating === 'herkend' ? '◯' : b.rating}
          </span>
        ) : null,
      )}
      {state.control && state.controlBounds ? (
        <div
          className="rating-controls"
          role="toolbar"
          aria-label={t('meeting.rating.label')}
          style={{ transform: `translate(${state.controlBounds.x}px, ${state.controlBounds.maxY + 8}px)` }}
          onPointerDown={(e) => e.stopPropagation()}
        >
          {state.control.scale.map((value) => (
            <button
              key={value}
              type="button"
              className="rating-controls__button"
              aria-pressed={state.control?.current === value}
              onClick={() =>
                state.control && rate(state.control.shape, state.control.current === value ? null : value)
              }
            >
              {value === 'herkend' ? t('meeting.rating.mark') : value}
            </button>
          ))}
        </div>
      ) : null}
    </>
  )
}
