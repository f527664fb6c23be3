import { useEditor, useValue } from 'tldraw'
import { RATING_VALUES } from '../../../../shared/marks'
import { headingTop } from '../../../../shared/ratingColumns'
import { useMeeting } from '../canvas/meetingContext'
import { groupByMark } from '../list/groupNotes'
import { markText } from '../list/ratingMessages'
import { useRatingT } from '../list/useRatingT'
import { readZoneNotes } from '../list/zoneNotes'
import { zoneColumns } from './zoneColumns'

/**
 * The W/N/K flip-over on the canvas, in page coordinates: in every zone rated W/N/K four
 * columns (not rated yet, Warm, Neutraal, Koud) with a heading and the number of notes that
 * carry that mark, the same count the list shows. Drawn from the start: new notes go to "not
 * rated yet" (layout.ts noteArea), so no note ever stands under a mark it does not have. Only
 * lines and headings: the notes stay visible and clickable through the layer.
 */
export function ColumnsOverlay() {
  const editor = useEditor()
  const meeting = useMeeting()
  const t = useRatingT()
  const boards = useValue(
    'rating columns',
    () =>
      meeting.template.zones.flatMap((zone) => {
        const columns = zoneColumns(meeting.template, zone.id)
        if (!columns) return []
        const groups = groupByMark(readZoneNotes(editor, meeting, zone.id), RATING_VALUES.wnk)
        const counts = new Map(groups.map((g) => [g.mark, g.notes.length]))
        return [{ zoneId: zone.id, columns, counts }]
      }),
    [editor, meeting],
  )
  return (
    <>
      {boards.map(({ zoneId, columns, counts }) => (
        <div key={zoneId} className="rating-columns" data-zone={zoneId} aria-hidden="true">
          {columns.map((column, i) => (
            <div
              key={column.mark ?? 'none'}
              className={`rating-column rating-column--${column.mark ?? 'none'}`}
              data-mark={column.mark ?? ''}
              style={{
                transform: `translate(${column.band.x}px, ${headingTop(column)}px)`,
                width: column.band.w,
                height: column.area.y + column.area.h - headingTop(column),
              }}
            >
              {i > 0 ? <span className="rating-column__rule" /> : null}
              <span className="rating-column__head">
                <span className="rating-column__name">
                  {column.mark === null ? t('mark.none.column') : markText(t, column.mark, 'heading')}
                </span>
                <span className="rating-column__count">{counts.get(column.mark) ?? 0}</span>
              </span>
            </div>
          ))}
        </div>
      ))}
    </>
  )
}
