import { anonymousPresence } from '../../../shared/authorship'
import { privatePresence } from '../../../shared/drafts/presencePrivacy'
import { cursorOf, isCursorState } from '../../../shared/presenceCursor'
import type { AwarenessEntry } from '../rooms/awarenessFrame'
import type { RoomConnection } from '../rooms/connection'
import type { AwarenessFilter, RoomView } from '../rooms/roomOptions'
import { anonymousNotesOf } from './anonymousNotes'
import type { MeetingReader } from './meetingState'

/**
 * Ties presence to the connection's identity: name, colour and role are set by the server from
 * the participant record, whatever the client sent. Nobody can appear as someone else. (Which
 * presence id a connection may speak for is the room's rule, for free boards too.) Nor can a
 * presence point at a note revealed without names (authorship.ts).
 */
export class AwarenessIdentity implements AwarenessFilter {
  /** Connections whose presence hides its cursor now (it pointed at a note without names). */
  private readonly cursorHidden = new WeakSet<RoomConnection>()

  constructor(private readonly meetings: MeetingReader) {}

  filter(conn: RoomConnection, entries: AwarenessEntry[], room: RoomView): AwarenessEntry[] {
    const participant = conn.identity ? this.meetings.participant(conn.identity.participantId) : undefined
    if (!participant) return []
    return entries.map(({ clientId, clock, state }) => {
      if (state === null) return { clientId, clock, state }
      // A cursor entry (the room let through only the sender's own, rebuilt): no identity, which
      // its presence entry carries; hidden inside a private zone or while the presence hides it.
      if (isCursorState(state)) return { clientId, clock, state: this.shownCursor(conn, state) }
      const stamped: Record<string, unknown> = {
        ...state,
        identity: { participantId: participant.id, name: participant.name, role: participant.role },
      }
      const anonymous = anonymousNotesOf(room.doc)
      const presence = anonymousPresence(this.hideWriting(conn.identity!.meetingId, state.presence), (id) =>
        anonymous.has(id),
      )
      stamped.presence = presence
      const cursor = (presence as { cursor?: unknown } | null)?.cursor
      if (presence && typeof presence === 'object' && cursor !== null) this.cursorHidden.delete(conn)
      else this.cursorHidden.add(conn)
      if (presence && typeof presence === 'object' && !Array.isArray(presence)) {
        stamped.presence = {
          ...presence,
          userId: `user:${participant.id}`,
          userName: participant.name,
          color: participant.color,
        }
      }
      return { clientId, clock, state: stamped }
    })
  }

  private shownCursor(conn: RoomConnection, state: Record<string, unknown>): Record<string, unknown> {
    const at = cursorOf(state)
    if (!at || this.cursorHidden.has(conn)) return { c: null }
    return this.hideWriting(conn.identity!.meetingId, { cursor: at }) === null ? { c: null } : state
  }

  /** While people write for themselves, presence shows nothing of it (drafts/presencePrivacy.ts). */
  private hideWriting(meetingId: string, presence: unknown): unknown {
    const template = this.meetings.template(meetingId)
    const progress = this.meetings.progress(meetingId)
    return template && progress ? privatePresence(template, progress.phaseIndex, presence) : presence
  }
}
