import type { Editor } from 'tldraw'
import { authorOf, isZoneFrame } from '../../../../shared/boardRecords'
import { type QuotaLeft, quotaLeft } from '../../../../shared/quota'
import type { MessageKey } from '../../i18n/messages'
import { asBoardRecord, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'

/**
 * What my quota in a zone leaves now, counted as the rules count it: my shapes whose centre is
 * in the zone. Null where no quota applies to me there. Reads the store: call it in a reactive
 * context to follow it.
 */
export function myQuota(editor: Editor, meeting: MeetingState, zoneId: string): QuotaLeft | null {
  const me = meeting.me()
  if (!me) return null
  let placed = 0
  for (const shape of editor.getCurrentPageShapes()) {
    const record = asBoardRecord(shape)
    if (authorOf(record) !== me.id || isZoneFrame(record)) continue
    if (zoneOnBoard(editor, meeting, shape) === zoneId) placed++
  }
  return quotaLeft(meeting.template, meeting.phaseId(), zoneId, me.role, placed)
}

/** "nog 1 vraag", "nog 2 notities", "geen vragen meer": the words for what is left in a zone. */
export function quotaMessage(zoneId: string, left: number): MessageKey {
  const noun = zoneId === 'vragen' ? 'question' : 'note'
  const amount = left === 0 ? 'none' : left === 1 ? 'one' : 'many'
  return `layout.quota.${noun}.${amount}` as MessageKey
}
