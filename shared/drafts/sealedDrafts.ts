import { z } from 'zod'
import type { Template } from '../templateSchema'
import { draftZonesAt } from './preparation'

/**
 * Private writing that rests on nobody's browser but the author's. A draft leaves the author's
 * browser only sealed (AES-GCM) with the meeting key, which lives in the links' #fragment and
 * never reaches the server. The seal holds the note's text and nothing else. The server keeps
 * each author's sealed drafts apart and shows them to no one; at the phase change that reveals
 * the zone it places every stored draft on the board itself, still sealed (revealedNotes.ts), so
 * the reveal is the same for everyone and needs no browser, the facilitator's included.
 */

/** What the server accepts, per upload and in all: bounded before anything is stored. */
export const DRAFT_LIMITS = {
  /** One sealed note text, in base64. */
  maxSealedChars: 24_000,
  /** Drafts one person keeps in one zone at a time. */
  maxDraftsPerZone: 30,
} as const

/** A tldraw shape id as the rules know it; also bound into the seal, so a blob cannot move. */
export const ShapeId = z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/, 'a tldraw shape id (shape:…)')

const SEALED_MIN_CHARS = 40
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** base64 of iv (12 bytes) + AES-GCM ciphertext with its tag. */
export const SealedText = z
  .string()
  .min(SEALED_MIN_CHARS)
  .max(DRAFT_LIMITS.maxSealedChars)
  .regex(BASE64, 'base64')

/** `SealedText.safeParse(value).success` written out, so the board's rules need no zod. */
export function isSealedText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= SEALED_MIN_CHARS &&
    value.length <= DRAFT_LIMITS.maxSealedChars &&
    BASE64.test(value)
  )
}

export const SealedDraft = z.object({ shapeId: ShapeId, sealed: SealedText })
export type SealedDraft = z.infer<typeof SealedDraft>

/** Everything one person has written in one private zone: replaces what was stored before. */
export const DraftUpload = z.object({
  drafts: z.array(SealedDraft).max(DRAFT_LIMITS.maxDraftsPerZone),
  /** "Klaar": the author says they are done writing here. */
  ready: z.boolean(),
})
export type DraftUpload = z.infer<typeof DraftUpload>

/** Per person, what the begeleider may know before the reveal: a count and "klaar", no content. */
export interface DraftProgress {
  participantId: string
  zoneId: string
  count: number
  ready: boolean
}

/**
 * A note the server placed at a reveal, as the server's own store keeps it. `authorId` is who
 * sealed it, always, also in an anonymous reveal (then only the server knows it, for the rule
 * that only the author changes the text); `anonymous` says the board does not name them.
 */
export interface RevealedNote {
  zoneId: string
  authorId: string
  anonymous: boolean
}

/**
 * The zones a move from one phase to another reveals: drafts before, no longer after. The start
 * reveals the preparation zone (preparation.ts).
 */
export function zonesRevealed(template: Template, fromIndex: number, toIndex: number): string[] {
  const after = draftZonesAt(template, toIndex)
  return [...draftZonesAt(template, fromIndex)].filter((zoneId) => !after.has(zoneId))
}

/** What is sealed with each note text: it ties the ciphertext to one meeting and one note id. */
export function sealContext(meetingId: string, sealId: string): string {
  return `intervisiebord:note:${meetingId}:${sealId}`
}
