import type { Editor } from 'tldraw'
import type { BoardRecord } from '../../../templates/src/boardRecords'
import { deriveOutcome, type MeetingOutcome } from '../../../templates/src/outcome/meetingOutcome'
import type { Template } from '../../../templates/src/schema'
import type { MeetingView } from '../../../templates/src/wire'
import { isDraft } from '../meeting/drafts/drafts'

const BOARD_TYPES = new Set(['shape', 'document', 'page'])

/**
 * The meeting's outcome from this browser's store: the same derivation as anywhere else, on the
 * records the room holds. My own drafts (private writing not yet revealed) are mine only, so
 * they stay out. Call inside a tldraw computation (useValue) to follow every change.
 */
export function readOutcome(editor: Editor, template: Template, view: MeetingView): MeetingOutcome {
  const records: BoardRecord[] = []
  for (const record of editor.store.allRecords()) {
    // The page too: a shape's place is known only through a parent chain that ends at a page.
    if (!BOARD_TYPES.has(record.typeName)) continue
    if (isDraft(record)) continue
    records.push(record as unknown as BoardRecord)
  }
  return deriveOutcome({
    template,
    title: view.title,
    progress: view.progress,
    participants: view.participants,
    records,
  })
}
