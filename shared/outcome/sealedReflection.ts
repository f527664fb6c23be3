import { z } from 'zod'
import { SealedText } from '../drafts/sealedDrafts'

/**
 * The inbrenger's reflection report (seed 003), kept with its meeting on the server the way a
 * private draft is: sealed in the author's browser with the meeting key (which the server never
 * has), so the server stores ciphertext it cannot read. The seal holds the six answers as JSON
 * and is bound to the meeting and to REFLECTION_SEAL_ID, so it cannot pass for a note. The next
 * meeting of the group shows it in its look-back to whoever holds the key; its begeleider signs it
 * off, and the server records who did from their session, never from a typed name.
 */
export const REFLECTION_SEAL_ID = 'reflectieverslag'

/** What the author sends: the whole report, sealed; it replaces what was stored. */
export const ReflectionUpload = z.object({ sealed: SealedText })
export type ReflectionUpload = z.infer<typeof ReflectionUpload>

/** The begeleider's sign-off as the server recorded it from their session. */
export interface ReflectionSignOff {
  /** The participant (their session) who signed, in `meetingId`. */
  participantId: string
  /** Their name as the server knows it from that session (not typed at the sign-off). */
  name: string
  /** The group member they are, if they joined with their personal link. */
  memberId: string | null
  /** The meeting in which they signed (this one, or the next one of the group). */
  meetingId: string
  at: number
}

/** The stored report as it goes over the wire: still sealed. */
export interface SealedReflection {
  /** The meeting the report is about (its key opens the seal). */
  meetingId: string
  sealed: string
  authorId: string
  /** The author's name as the meeting knows it. */
  authorName: string
  updatedAt: number
  signOff: ReflectionSignOff | null
}
