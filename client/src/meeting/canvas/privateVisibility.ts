import type { Editor, TLShape } from 'tldraw'
import { authorOf, type BoardRecord } from '../../../../shared/boardRecords'
import { privateZonesAt } from '../../../../shared/permissions'
import { isDraft } from '../drafts/drafts'
import { zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'

/**
 * "Each writes for themself": while a zone is in private writing, others' notes in it are not
 * shown; they appear for everyone at the phase that reveals the zone. Reads signals, so tldraw
 * re-evaluates it when the phase changes.
 */
export function privateVisibility(meeting: MeetingState) {
  return (shape: TLShape, editor: Editor): 'hidden' | 'inherit' => {
    // A picture of the board shows the shared board: my own drafts are not on it yet.
    if (meeting.$exporting.get() && isDraft(shape)) return 'hidden'
    const view = meeting.$view.get()
    if (!view) return 'inherit'
    const zones = privateZonesAt(meeting.template, view.progress.phaseIndex)
    if (zones.size === 0) return 'inherit'
    const record = shape as unknown as BoardRecord
    const author = authorOf(record)
    if (author === null || author === meeting.participantId) return 'inherit'
    const zone = zoneOnBoard(editor, meeting, shape)
    return zone !== null && zones.has(zone) ? 'hidden' : 'inherit'
  }
}
