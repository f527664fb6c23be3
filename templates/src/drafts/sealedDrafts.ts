import { z } from 'zod'
import type { Template } from '../schema'
import { draftZonesAt } from './preparation'

/**
 * Private writing that survives its author's browser. A draft leaves the author's browser only
 * sealed (AES-GCM) with the meeting key, which lives in the links' #fragment and never reaches
 * the server. The server keeps each author's sealed drafts apart, shows them to no one else, and
 * at the reveal releases them to the begeleider's browser, which opens them and puts them on the
 * board, whether or not their authors are still there.
 */

/** What the server accepts, per upload and in all: bounded before anything is stored. */
export const DRAFT_LIMITS = {
  /** One sealed note: a tldraw note record as JSON, sealed and in base64. */
  maxSealedChars: 24_000,
  /** Drafts one person keeps in one zone at a time. */
  maxDraftsPerZone: 30,
} as const

/** A tldraw shape id as the rules know it; also bound into the seal, so a blob cannot move. */
export const ShapeId = z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/, 'a tldraw shape id (shape:…)')

export const SealedDraft = z.object({
  shapeId: ShapeId,
  /** base64 of iv (12 bytes) + AES-GCM ciphertext with its tag. */
  sealed: z
    .string()
    .min(40)
    .max(DRAFT_LIMITS.maxSealedChars)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
})
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

/** A released draft as the begeleider's browser receives it; authorId null in an anonymous reveal. */
export interface ReleasedDraft {
  shapeId: string
  zoneId: string
  authorId: string | null
  sealed: string
}

/** Which author a released note goes on the board under (null: anonymous), for the rules. */
export interface ReleasedNote {
  zoneId: string
  authorId: string | null
}

/**
 * The zones a move from one phase to another reveals: drafts before, no longer after. The start
 * reveals the preparation zone (preparation.ts).
 */
export function zonesRevealed(template: Template, fromIndex: number, toIndex: number): string[] {
  const after = draftZonesAt(template, toIndex)
  return [...draftZonesAt(template, fromIndex)].filter((zoneId) => !after.has(zoneId))
}

/** What is sealed with each note: it ties the ciphertext to one meeting and one shape id. */
export function sealContext(meetingId: string, shapeId: string): string {
  return `intervisiebord:draft:${meetingId}:${shapeId}`
}
