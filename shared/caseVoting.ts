import { z } from 'zod'

/** The state of a dot vote on a case list, as it travels in the meeting's progress (caseVotes.ts decides on it). */
export const MAX_VOTES_PER_PERSON = 10

export const CaseVoting = z.object({
  /** The zone whose notes are voted on. */
  zoneId: z.string().min(1).max(64),
  perPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  /** Votes can be cast or taken back; closed by the facilitator or by leaving the phase. */
  open: z.boolean(),
  /** Per voter (participant id), the notes voted on, one entry per vote. */
  votes: z.record(z.string(), z.array(z.string().min(1).max(200)).max(MAX_VOTES_PER_PERSON)),
})
export type CaseVoting = z.infer<typeof CaseVoting>
