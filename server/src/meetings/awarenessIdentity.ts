import { anonymousPresence } from '../../../templates/src/authorship'
import { privatePresence } from '../../../templates/src/drafts/presencePrivacy'
import type { AwarenessEntry } from '../rooms/awarenessFrame'
import type { RoomConnection } from '../rooms/connection'
import type { Room } from '../rooms/room'
import type { AwarenessFilter } from '../rooms/roomOptions'
import { anonymousNotesOf } from './anonymousNotes'
import type { MeetingReader } from './meetingState'

/**
 * Ties presence to the connection's identity: name, colour and role are set by the server from
 * the participant record, whatever the client sent. Nobody can appear as someone else. (Which
 * presence id a connection may speak for is the room's rule, for free boards too.) Nor can a
 * presence point at a note revealed without names (authorship.ts).
 */
export class AwarenessIdentity implements AwarenessFilter {
  constructor(private readonly meetings: MeetingReader) {}

  filter(conn: RoomConnection, entries: AwarenessEntry[], room: Room): AwarenessEntry[] {
    const participant = conn.identity ? this.meetings.participant(conn.identity.participantId) : undefined
    if (!participant) return []
    return entries.map(({ clientId, clock, state }) => {
      if (state === null) return { clientId, clock, state }
      const stamped: Record<string, unknown> = {
        ...state,
        identity: { participantId: participant.id, name: participant.name, role: participant.role },
      }
      const anonymous = anonymousNotesOf(room.doc)
      const presence = anonymousPresence(this.hideWriting(conn.identity!.meetingId, state.presence), (id) =>
        anonymous.has(id),
      )
      stamped.presence = presence
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

  /** While people write for themselves, presence shows nothing of it (drafts/presencePrivacy.ts). */
  private hideWriting(meetingId: string, presence: unknown): unknown {
    const template = this.meetings.template(meetingId)
    const progress = this.meetings.progress(meetingId)
    return template && progress ? privatePresence(template, progress.phaseIndex, presence) : presence
  }
}
