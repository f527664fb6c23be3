import type { Editor } from 'tldraw'
import { type BoardRecord, DOCUMENT_ID, PAGE_ID } from '../../../shared/boardRecords'
import { deriveOutcome, type MeetingOutcome } from '../../../shared/outcome/meetingOutcome'
import type { Template } from '../../../shared/templateSchema'
import type { MeetingView } from '../../../shared/wire'
import { isDraft } from '../meeting/drafts/drafts'

/**
 * The meeting's outcome from this browser's store: the same derivation as anywhere else, on the
 * records the room holds: the page's shapes, the page (a shape's place is known only through a
 * parent chain that ends at it) and the document (the inbrenger's choices). My own drafts
 * (private writing not yet revealed) are mine only, so they stay out. Call inside a tldraw
 * computation (useValue): it follows the shapes and the document, not cursors or the camera.
 */
export function readOutcome(editor: Editor, template: Template, view: MeetingView): MeetingOutcome {
  const records: BoardRecord[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (!isDraft(shape)) records.push(shape as unknown as BoardRecord)
  }
  for (const id of [DOCUMENT_ID, PAGE_ID]) {
    const record = editor.store.get(id as never)
    if (record) records.push(record as unknown as BoardRecord)
  }
  return deriveOutcome({
    template,
    title: view.title,
    progress: view.progress,
    participants: view.participants,
    records,
  })
}
