import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { MeetingProgress } from './phaseMachine'
import type { LocalizedText, RoleId } from './schema'

/**
 * What client and server agree on about the shared document and the socket, beyond the
 * standard y-websocket protocol.
 */

/** Room ids the server accepts: 8 to 64 characters of base64url. */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
/** Meeting rooms are named after their meeting and need a session token; free boards never start so. */
export const MEETING_ROOM_PREFIX = 'm-'
export const meetingRoomId = (meetingId: string) => `${MEETING_ROOM_PREFIX}${meetingId}`

/**
 * The tldraw records' bases: a Y.Array of { key, val } used through y-utility's YKeyValue. A
 * shape's place and text lie beside it as field entries (recordLayout.ts, FIELDS_MAP).
 */
export const RECORDS_ARRAY = 'tl_records'
/** Meeting state, written only by the server; clients only read it. */
export const MEETING_MAP = 'meeting'
/** Key in MEETING_MAP holding a MeetingView. */
export const MEETING_VIEW_KEY = 'view'

export interface ParticipantView {
  id: string
  name: string
  role: RoleId
  color: string
  /** The group member they joined as (personal link); null or absent: a guest. */
  memberId?: string | null
}

/** What everyone in a meeting sees about it. */
export interface MeetingView {
  meetingId: string
  templateId: string
  title: string
  progress: MeetingProgress
  participants: ParticipantView[]
}

/** Message type of a refusal (ours, beside y-websocket's 0 to 3); stock clients ignore it. */
export const REFUSED_MESSAGE = 100

/** Why an update was refused, sent to its sender only. Texts for people; `code` for programs. */
export interface Refusal extends LocalizedText {
  /**
   * `unavailable`: this server cannot confirm it holds the meeting's current state (several
   * instances); not the sender's fault, so it does not count against their refusal budget.
   */
  code: 'forbidden' | 'outOfSync' | 'unavailable'
}

export function encodeRefusal(refusal: Refusal): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, REFUSED_MESSAGE)
  encoding.writeVarString(encoder, JSON.stringify(refusal))
  return encoding.toUint8Array(encoder)
}

/** Reads a refusal after its message type has been read (as y-websocket's handlers do); repairs gaps. */
export function readRefusal(decoder: decoding.Decoder): Refusal {
  let parsed: unknown = null
  try {
    parsed = JSON.parse(decoding.readVarString(decoder))
  } catch {
    parsed = null
  }
  const value = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>
  return {
    code: value.code === 'outOfSync' || value.code === 'unavailable' ? value.code : 'forbidden',
    nl: typeof value.nl === 'string' ? value.nl : '',
    en: typeof value.en === 'string' ? value.en : '',
  }
}
