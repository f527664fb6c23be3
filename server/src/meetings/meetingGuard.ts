import { boardLayout } from '../../../templates/src/layout'
import { currentPhase } from '../../../templates/src/phaseMachine'
import { judgeChanges } from '../../../templates/src/recordPolicy'
import type { Refusal } from '../../../templates/src/wire'
import type { RoomConnection } from '../rooms/connection'
import { decodeRecordChanges } from '../rooms/recordChanges'
import { RecordIndex } from '../rooms/recordIndex'
import type { Room, UpdateGuard } from '../rooms/room'
import type { MeetingService } from './meetingService'
import { recordProblem } from './recordValidation'

/**
 * The server half of the locks: every update to a meeting room is judged against the phase in
 * force when it arrives, the zones it touches and the sender's current role, with the same
 * rules the client uses (templates/src/recordPolicy.ts). A refused update is dropped whole.
 */
export class MeetingGuard implements UpdateGuard {
  private readonly indexes = new WeakMap<Room, RecordIndex>()

  constructor(
    private readonly meetings: MeetingService,
    private readonly meetingId: string,
  ) {}

  check(room: Room, conn: RoomConnection, update: Uint8Array): Refusal | null {
    const participant = conn.identity ? this.meetings.participant(conn.identity.participantId) : undefined
    const template = this.meetings.template(this.meetingId)
    const progress = this.meetings.progress(this.meetingId)
    if (!participant || !template || !progress) {
      return forbidden({
        nl: 'Je sessie is niet (meer) geldig.',
        en: 'Your session is not valid (any more).',
      })
    }
    const index = this.indexFor(room)
    const decoded = decodeRecordChanges(room.doc, index, update)
    if (!decoded.ok) {
      return forbidden({
        nl: 'Deze wijziging kan niet: alleen de server beheert de stand van de bijeenkomst.',
        en: `This change is not possible: ${decoded.reason}; only the server manages the meeting's state.`,
      })
    }
    for (const change of decoded.changes) {
      const problem = change.next ? recordProblem(change.next) : null
      if (problem) {
        return forbidden({
          nl: `Ongeldig element op het bord: ${problem}`,
          en: `Invalid board record: ${problem}`,
        })
      }
    }
    const verdict = judgeChanges(
      {
        template,
        phaseId: currentPhase(template, progress)?.id ?? '',
        actor: { participantId: participant.id, role: participant.role, name: participant.name },
        rects: boardLayout(template),
        current: (id) => index.get(id),
        allShapes: () => index.shapes(),
      },
      decoded.changes,
    )
    return verdict.ok ? null : forbidden(verdict.reason)
  }

  private indexFor(room: Room): RecordIndex {
    let index = this.indexes.get(room)
    if (!index) {
      index = new RecordIndex(room.doc)
      this.indexes.set(room, index)
    }
    return index
  }
}

function forbidden(reason: { nl: string; en: string }): Refusal {
  return { code: 'forbidden', ...reason }
}
