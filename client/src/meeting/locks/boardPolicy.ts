import type { Editor, TLRecord } from 'tldraw'
import type { BoardRecord } from '../../../../templates/src/boardRecords'
import { boardLayout } from '../../../../templates/src/layout'
import { judgeChanges, type RecordChange, type Verdict } from '../../../../templates/src/recordPolicy'
import type { MeetingState } from '../meetingState'

/**
 * The client half of the locks: the very function the server runs on every update
 * (templates/src/recordPolicy.ts), here on the editor's store, so a forbidden change is stopped
 * and explained before anything is sent. The server still decides.
 */
export function judgeOnBoard(editor: Editor, meeting: MeetingState, changes: RecordChange[]): Verdict {
  const me = meeting.me()
  if (!me) return { ok: true } // not known yet: the server will judge
  return judgeChanges(
    {
      template: meeting.template,
      phaseId: meeting.phaseId(),
      actor: { participantId: me.id, role: me.role, name: me.name },
      rects: boardLayout(meeting.template),
      current: (id) => editor.store.get(id as TLRecord['id']) as BoardRecord | undefined,
      allShapes: () => editor.getCurrentPageShapes() as unknown as BoardRecord[],
    },
    changes,
  )
}

export const asBoardRecord = (record: TLRecord) => record as unknown as BoardRecord
