import { type Editor, renderPlaintextFromRichText, type TLRichText, type TLShape } from 'tldraw'
import { authorOf, isZoneFrame, ratingOf } from '../../../../shared/boardRecords'
import { groupIdOf } from '../../../../shared/groupWork'
import { topicIdOf } from '../../../../shared/topicWalk'
import { isDraft } from '../drafts/drafts'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import type { ListNote } from './groupNotes'

/**
 * The notes of one zone as the list and the columns show them, read from the editor's store.
 * Call inside a tldraw computation (useValue, react): it follows every change of the shapes.
 * What someone may not see (others' private notes) is left out, as on the canvas. Listed: every
 * note, and other shapes with text (text, labelled shapes); not frames, groups or drawings.
 */
export function readZoneNotes(editor: Editor, meeting: MeetingState, zoneId: string): ListNote[] {
  const notes: ListNote[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    const record = asBoardRecord(shape)
    if (isZoneFrame(record) || !hasRichText(shape)) continue
    if (editor.isShapeHidden(shape)) continue
    if (zoneOnBoard(editor, meeting, shape) !== zoneId) continue
    const text = textOf(editor, shape)
    if (text === '' && shape.type !== 'note') continue
    const bounds = editor.getShapePageBounds(shape)
    notes.push({
      id: shape.id,
      text,
      authorId: authorOf(record),
      mark: ratingOf(record),
      x: bounds?.x ?? 0,
      y: bounds?.y ?? 0,
      draft: isDraft(shape),
      topicId: topicIdOf(record),
      groupId: groupIdOf(record),
    })
  }
  return notes
}

function hasRichText(shape: TLShape): boolean {
  return (shape.props as { richText?: unknown }).richText !== undefined
}

/** The plain text of a shape's rich text (TipTap JSON), by tldraw's own renderer. */
function textOf(editor: Editor, shape: TLShape): string {
  const richText = (shape.props as { richText?: TLRichText }).richText
  return richText ? renderPlaintextFromRichText(editor, richText).trim() : ''
}
