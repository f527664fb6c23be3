import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { RoomConnection } from '../rooms/connection'
import type { AwarenessFilter, Room } from '../rooms/room'
import type { MeetingService } from './meetingService'

/**
 * Ties presence to the connection's identity: a connection may only speak for the awareness
 * client ids it introduced itself, and its name, colour and role are set by the server from the
 * participant record, whatever the client sent. Nobody can appear as someone else.
 */
export class AwarenessIdentity implements AwarenessFilter {
  constructor(private readonly meetings: MeetingService) {}

  filter(room: Room, conn: RoomConnection, update: Uint8Array): Uint8Array | null {
    const participant = conn.identity ? this.meetings.participant(conn.identity.participantId) : undefined
    if (!participant) return null
    const claimedElsewhere = new Set<number>()
    for (const other of room.connections) {
      if (other !== conn) for (const id of other.awarenessClientIds) claimedElsewhere.add(id)
    }
    const decoder = decoding.createDecoder(update)
    const encoder = encoding.createEncoder()
    const count = decoding.readVarUint(decoder)
    const kept: Array<[number, number, string]> = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const raw = decoding.readVarString(decoder)
      if (claimedElsewhere.has(clientId)) continue
      const state = JSON.parse(raw) as Record<string, unknown> | null
      if (state !== null && typeof state === 'object') {
        state.identity = { participantId: participant.id, name: participant.name, role: participant.role }
        const presence = state.presence as Record<string, unknown> | undefined
        if (presence && typeof presence === 'object') {
          presence.userId = `user:${participant.id}`
          presence.userName = participant.name
          presence.color = participant.color
        }
      }
      kept.push([clientId, clock, JSON.stringify(state)])
    }
    if (kept.length === 0) return null
    encoding.writeVarUint(encoder, kept.length)
    for (const [clientId, clock, json] of kept) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, json)
    }
    return encoding.toUint8Array(encoder)
  }
}
