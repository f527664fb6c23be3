import { z } from 'zod'
import { CaseVoting } from './caseVoting'
import { GroupSplit } from './groupWork'
import { Topic } from './topicWalk'
import { TurnRound } from './turns'

/**
 * The meeting's progress through its method. The server owns it and changes it only on the
 * facilitator's commands; clients read it from the shared document and compute the same timer
 * from the same fields and the server's clock.
 */
export const MeetingProgress = z.object({
  /** Index into template.phases. -1: not started (the ground rules are on screen). */
  phaseIndex: z.number().int().min(-1),
  /** Round of the repeat block the current phase is in (1 when not repeating). */
  round: z.number().int().min(1),
  /** Server time (ms) at which the current phase started. */
  phaseStartedAt: z.number(),
  /** Server time the timer was paused, or null while it runs. */
  pausedAt: z.number().nullable(),
  /** Paused time already accumulated in this phase (ms). */
  pausedMs: z.number().min(0),
  /** Minutes the facilitator added to this phase. */
  extraMinutes: z.number().min(0),
  /** The case the group chose, in a line, once chosen. */
  chosenCase: z.string().max(500).nullable(),
  finished: z.boolean(),
  /**
   * Server time the meeting started (absent in progress stored before it was kept). The fields
   * below are optional for the same reason: the server stores progress as JSON and reads it back.
   */
  startedAt: z.number().nullable().optional(),
  /** Server time the facilitator finished the meeting (the register's actual end); null before. */
  finishedAt: z.number().nullable().optional(),
  /** Minutes the facilitator took from later phases, per phase id (timeBudget.ts). */
  minutesTaken: z.record(z.string(), z.number().int().min(0)).optional(),
  /** The round "om de beurt" in progress in this phase, if any (turns.ts); ends with the phase. */
  turns: TurnRound.nullable().optional(),
  /**
   * A break ("Pauze") the facilitator holds: the board is read-only for everyone (rulePhaseId) and
   * the timer stands still; `timerWasRunning` says whether lifting the break starts it again.
   */
  onBreak: z.object({ since: z.number(), timerWasRunning: z.boolean() }).nullable().optional(),
  /** The next reveal of private writing puts notes on the board under no name (drafts/). */
  anonymousReveal: z.boolean().optional(),
  /** Dot votes on a case list (caseVotes.ts); closes when the phase changes, the counts stay. */
  voting: CaseVoting.nullable().optional(),
  /** The topics of a block per topic, highest score first, frozen on entering it (topicWalk.ts). */
  topics: z.array(Topic).max(60).nullable().optional(),
  /** The pairs or subgroups of the latest split (groupWork.ts); kept after its phase for the list. */
  groups: GroupSplit.nullable().optional(),
})
export type MeetingProgress = z.infer<typeof MeetingProgress>
