import { type Editor, isShapeId, type TLBinding, type TLParentId, type TLRecord, type TLShape } from 'tldraw'
import { type BoardRecord, zoneOfShape } from '../../../../shared/boardRecords'
import { boardLayout } from '../../../../shared/layout'
import { revealGraceOpen } from '../../../../shared/permissions'
import { judgeChanges, type RecordChange, type Verdict } from '../../../../shared/recordPolicy'
import type { ShapeWorld } from '../../../../shared/shapeGeometry'
import { revealedNoteOnScreen } from '../drafts/mySealedNotes'
import type { MeetingState } from '../meetingState'

/**
 * The client half of the locks: the very function the server runs on every update
 * (shared/recordPolicy.ts), here on the editor's store, so a forbidden change is stopped
 * and explained before anything is sent. The server still decides.
 */
export function judgeOnBoard(editor: Editor, meeting: MeetingState, changes: RecordChange[]): Verdict {
  const me = meeting.me()
  if (!me) return { ok: true } // not known yet: the server will judge
  const world = boardWorld(editor)
  // Sealed notes as the room holds them, with the text opened here (never sent).
  const sealed = meeting.sealedNotes
  const judged = sealed
    ? changes.map((c) => ({
        id: c.id,
        prev: c.prev && sealed.judgeForm(c.prev),
        next: c.next && sealed.judgeForm(c.next),
      }))
    : changes
  return judgeChanges(
    {
      template: meeting.template,
      phaseId: meeting.phaseId(),
      actor: { participantId: me.id, role: me.role, name: me.name },
      rects: boardLayout(meeting.template),
      current: world.get,
      allShapes: () => editor.getCurrentPageShapes() as unknown as BoardRecord[],
      children: world.children,
      bindingsFrom: world.bindingsFrom,
      bindingsTo: world.bindingsTo,
      sealedTextOpened: true,
      // Drafts stay in this browser (isLocalOnly in the store binding), never in the room.
      keepsDrafts: true,
      releasedNote: (id) =>
        revealedNoteOnScreen(editor.store.get(id as TLRecord['id']), meeting.meetingId, me.id),
      groups: meeting.$view.get()?.progress.groups,
      // This screen's clock: the server decides with its own, this only shapes what is offered.
      revealGrace: revealGraceNow(meeting),
      allAssets: () => editor.getAssets() as unknown as BoardRecord[],
    },
    judged,
  )
}

/**
 * The store's records as the shared rules read them; children from tldraw's own parent index,
 * bindings from its binding index (an arrow is drawn where its bindings hold its ends).
 */
export function boardWorld(editor: Editor): ShapeWorld {
  const get = (id: string) => editor.store.get(id as TLRecord['id']) as BoardRecord | undefined
  const bindings = (list: readonly TLBinding[]) => list as unknown as BoardRecord[]
  return {
    get,
    children: (parentId) =>
      editor
        .getSortedChildIdsForParent(parentId as TLParentId)
        .map(get)
        .filter((r) => r !== undefined),
    bindingsFrom: (id) => (isShapeId(id) ? bindings(editor.getBindingsFromShape(id, 'arrow')) : []),
    bindingsTo: (id) => (isShapeId(id) ? bindings(editor.getBindingsToShape(id, 'arrow')) : []),
  }
}

/**
 * The zone a shape is drawn in, by the rule the server applies (zoneOfShape). A shape whose
 * place cannot be known (the server refuses such shapes) counts as in no zone.
 */
export function zoneOnBoard(editor: Editor, meeting: MeetingState, shape: TLShape): string | null {
  const zone = zoneOfShape(asBoardRecord(shape), boardWorld(editor), boardLayout(meeting.template))
  return zone.ok ? zone.zoneId : null
}

export const asBoardRecord = (record: TLRecord) => record as unknown as BoardRecord

function revealGraceNow(meeting: MeetingState): boolean {
  const progress = meeting.$view.get()?.progress
  return progress !== undefined && revealGraceOpen(progress, Date.now())
}
