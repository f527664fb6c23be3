import type { Editor, TLShape } from 'tldraw'
import { type BoardRecord, isZoneFrame, PAGE_ID } from '../../../../shared/boardRecords'
import { boardLayout } from '../../../../shared/layout'
import { shapePageOutline } from '../../../../shared/shapeGeometry'
import { shiftToWhole } from '../../../../shared/zoneFit'
import type { MeetingState } from '../meetingState'
import { asBoardRecord, boardWorld } from './boardPolicy'

/**
 * A shape may lie wholly in a zone or wholly outside the zones, never across an edge (the rules
 * in shared refuse that, on the server too). A note made with the note tool near a
 * zone's edge, or dragged from one place to another, passes over an edge on its way; rather
 * than refuse it there (the drag would stick at the edge), the shape is shifted while it is
 * made, moved or grows: into the zone that holds its middle (a note in the bottom row that
 * grows with its text moves up), or back out of the zone it only reaches into. Only placement
 * is changed, only for the person's own gestures; the locks, registered after this, still judge
 * the result. Returns the unregister function.
 */
export function keepShapesWhole(editor: Editor, meeting: MeetingState): () => void {
  const rects = () => boardLayout(meeting.template)
  const wholeShape = <T extends TLShape>(prev: TLShape | null, next: T): T => {
    if (isZoneFrame(asBoardRecord(next))) return next
    // Moved, or grown (a note grows down as its text gets longer): either may reach over an edge.
    if (
      prev &&
      prev.x === next.x &&
      prev.y === next.y &&
      prev.parentId === next.parentId &&
      prev.props === next.props
    )
      return next
    // Parents other than the page and zone frames may turn what they hold: left to the locks.
    const parent = next.parentId === PAGE_ID ? null : editor.getShape(next.parentId as TLShape['id'])
    if (parent && !(isZoneFrame(asBoardRecord(parent)) && parent.rotation === 0)) return next
    const base = boardWorld(editor)
    const record = asBoardRecord(next)
    const world = {
      ...base,
      get: (id: string) => (id === next.id ? record : base.get(id)) as BoardRecord | undefined,
    }
    const outline = shapePageOutline(record, world)
    if (!outline.ok) return next
    const shift = shiftToWhole(outline.value, rects())
    return shift ? { ...next, x: next.x + shift.dx, y: next.y + shift.dy } : next
  }
  const create = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' ? wholeShape(null, shape) : shape,
  )
  const change = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' ? wholeShape(prev, next) : next,
  )
  return () => {
    create()
    change()
  }
}
