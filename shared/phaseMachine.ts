import { z } from 'zod'
import { MAX_VOTES_PER_PERSON, openVoting } from './caseVotes'
import { MAX_GROUP_SIZE, MAX_GROUPS, makeSplit } from './groupWork'
import type { MeetingProgress } from './meetingProgress'
import { FINISHED_PHASE_ID, PAUSED_PHASE_ID } from './permissions'
import type { Phase, RepeatBlock } from './schema'
import type { Template } from './templateSchema'
import { phaseMinutesNow, planTakeTime } from './timeBudget'
import { applyTurnCommand } from './turns'

export { MeetingProgress } from './meetingProgress'

export const MeetingCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('goto'), phaseId: z.string().min(1) }),
  z.object({ type: z.literal('nextRound') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('extend'), minutes: z.number().int().min(1).max(60) }),
  /** Takes minutes from later phases: spread over them, or from one (timeBudget.ts planTakeTime). */
  z.object({
    type: z.literal('takeTime'),
    minutes: z.number().int().min(1).max(240),
    from: z.union([z.literal('spread'), z.object({ phaseId: z.string().min(1).max(64) })]),
  }),
  /** A round "om de beurt" over these participants, in this order (the members present). */
  z.object({ type: z.literal('turnsStart'), order: z.array(z.string().min(1).max(64)).min(1).max(50) }),
  z.object({ type: z.literal('turnsNext') }),
  z.object({ type: z.literal('turnsSkip') }),
  z.object({ type: z.literal('turnsBack') }),
  z.object({ type: z.literal('turnsEnd') }),
  /** A break: the board read-only for everyone, the timer paused, until breakEnd. */
  z.object({ type: z.literal('breakStart') }),
  z.object({ type: z.literal('breakEnd') }),
  /** How the next reveal shows who wrote what: under each author's name, or under none. */
  z.object({ type: z.literal('revealMode'), anonymous: z.boolean() }),
  z.object({ type: z.literal('chooseCase'), text: z.string().trim().min(1).max(500) }),
  /** Opens the dot vote of this phase with this many votes per person (caseVotes.ts). */
  z.object({ type: z.literal('setVotes'), perPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON) }),
  z.object({ type: z.literal('closeVoting') }),
  /** Splits the group into pairs or subgroups for this phase (groupWork.ts); replaces a split. */
  z.object({
    type: z.literal('splitGroups'),
    groups: z
      .array(z.array(z.string().min(1).max(64)).min(1).max(MAX_GROUP_SIZE))
      .min(1)
      .max(MAX_GROUPS),
  }),
  /** Back to working as one group: new notes carry no group; the split stays for the list. */
  z.object({ type: z.literal('endGroups') }),
  z.object({ type: z.literal('finish') }),
])
export type MeetingCommand = z.infer<typeof MeetingCommand>

export function initialProgress(now: number): MeetingProgress {
  return {
    phaseIndex: -1,
    round: 1,
    phaseStartedAt: now,
    pausedAt: null,
    pausedMs: 0,
    extraMinutes: 0,
    chosenCase: null,
    finished: false,
    startedAt: null,
    minutesTaken: {},
    turns: null,
    onBreak: null,
  }
}

export type CommandResult = { ok: true; progress: MeetingProgress } | { ok: false; error: string }

/** Applies one facilitator command; a command that makes no sense now is an error, not a no-op. */
export function applyCommand(
  template: Template,
  p: MeetingProgress,
  cmd: MeetingCommand,
  now: number,
): CommandResult {
  const last = template.phases.length - 1
  const enter = (phaseIndex: number, round = p.round): CommandResult => ({
    ok: true,
    progress: {
      ...p,
      phaseIndex,
      round,
      phaseStartedAt: now,
      pausedAt: null,
      pausedMs: 0,
      extraMinutes: 0,
      finished: false,
      turns: null,
      onBreak: null,
      voting: p.voting ? { ...p.voting, open: false } : (p.voting ?? null),
    },
  })
  switch (cmd.type) {
    case 'start':
      if (p.phaseIndex !== -1) return { ok: false, error: 'the meeting has already started' }
      return withStart(enter(0), now)
    case 'next':
      if (p.phaseIndex >= last)
        return { ok: false, error: 'this is the last phase; finish the meeting instead' }
      return enter(
        p.phaseIndex + 1,
        blockOf(template, p.phaseIndex + 1) === blockOf(template, p.phaseIndex) ? p.round : 1,
      )
    case 'previous':
      if (p.phaseIndex <= 0) return { ok: false, error: 'there is no previous phase' }
      return enter(p.phaseIndex - 1)
    case 'goto': {
      const index = template.phases.findIndex((phase) => phase.id === cmd.phaseId)
      if (index < 0) return { ok: false, error: `unknown phase "${cmd.phaseId}"` }
      return enter(index, blockOf(template, index) === blockOf(template, p.phaseIndex) ? p.round : 1)
    }
    case 'nextRound': {
      const block = blockOf(template, p.phaseIndex)
      if (!block) return { ok: false, error: 'the current phase is not part of a repeating block' }
      // The same refusal, in effect: after the last topic there is no round to repeat.
      if (block.per === 'topic' && p.topics && p.round >= p.topics.length)
        return { ok: false, error: 'every topic has had its round' }
      return enter(phaseIndexOf(template, block.from), p.round + 1)
    }
    case 'pause':
      if (p.pausedAt !== null) return { ok: false, error: 'the timer is already paused' }
      return { ok: true, progress: { ...p, pausedAt: now } }
    case 'resume':
      if (p.pausedAt === null) return { ok: false, error: 'the timer is not paused' }
      return { ok: true, progress: { ...p, pausedAt: null, pausedMs: p.pausedMs + (now - p.pausedAt) } }
    case 'extend':
      if (p.phaseIndex < 0) return { ok: false, error: 'the meeting has not started' }
      return { ok: true, progress: { ...p, extraMinutes: p.extraMinutes + cmd.minutes } }
    case 'takeTime': {
      const plan = planTakeTime(template, p, cmd.minutes, cmd.from)
      if (!plan.ok) return plan
      return { ok: true, progress: { ...p, minutesTaken: plan.minutesTaken } }
    }
    case 'turnsStart':
    case 'turnsNext':
    case 'turnsSkip':
    case 'turnsBack':
    case 'turnsEnd': {
      if (p.phaseIndex < 0 || p.finished) return { ok: false, error: 'the meeting is not running' }
      const result = applyTurnCommand(p.turns ?? null, cmd)
      return result.ok ? { ok: true, progress: { ...p, turns: result.turns } } : result
    }
    case 'breakStart':
      if (p.phaseIndex < 0 || p.finished) return { ok: false, error: 'the meeting is not running' }
      if (p.onBreak) return { ok: false, error: 'the break has already started' }
      return {
        ok: true,
        progress: {
          ...p,
          onBreak: { since: now, timerWasRunning: p.pausedAt === null },
          pausedAt: p.pausedAt ?? now,
        },
      }
    case 'breakEnd': {
      if (!p.onBreak) return { ok: false, error: 'there is no break' }
      const resume = p.onBreak.timerWasRunning && p.pausedAt !== null
      return {
        ok: true,
        progress: {
          ...p,
          onBreak: null,
          pausedAt: resume ? null : p.pausedAt,
          pausedMs: resume && p.pausedAt !== null ? p.pausedMs + (now - p.pausedAt) : p.pausedMs,
        },
      }
    }
    case 'revealMode':
      return { ok: true, progress: { ...p, anonymousReveal: cmd.anonymous } }
    case 'chooseCase':
      return { ok: true, progress: { ...p, chosenCase: cmd.text } }
    case 'setVotes': {
      const voting = openVoting(template, p.phaseIndex, p.voting, cmd.perPerson)
      if (!voting) return { ok: false, error: 'there is no vote in this phase' }
      return { ok: true, progress: { ...p, voting } }
    }
    case 'closeVoting':
      if (!p.voting?.open) return { ok: false, error: 'the vote is not open' }
      return { ok: true, progress: { ...p, voting: { ...p.voting, open: false } } }
    case 'splitGroups': {
      if (p.finished) return { ok: false, error: 'the meeting is not running' }
      const result = makeSplit(currentPhase(template, p), p.groups, cmd.groups)
      return result.ok ? { ok: true, progress: { ...p, groups: result.split } } : result
    }
    case 'endGroups':
      if (!p.groups || p.groups.ended) return { ok: false, error: 'the group is not split' }
      return { ok: true, progress: { ...p, groups: { ...p.groups, ended: true } } }
    case 'finish':
      return {
        ok: true,
        progress: { ...p, finished: true, finishedAt: now, onBreak: null, pausedAt: p.pausedAt ?? now },
      }
  }
}

function withStart(result: CommandResult, now: number): CommandResult {
  return result.ok ? { ok: true, progress: { ...result.progress, startedAt: now } } : result
}

/** The repeat block a phase belongs to, if any. */
export function blockOf(template: Template, phaseIndex: number): RepeatBlock | undefined {
  return template.repeats.find((b) => {
    const from = phaseIndexOf(template, b.from)
    const to = phaseIndexOf(template, b.to)
    return phaseIndex >= from && phaseIndex <= to
  })
}

function phaseIndexOf(template: Template, phaseId: string): number {
  return template.phases.findIndex((phase) => phase.id === phaseId)
}

export function currentPhase(template: Template, p: MeetingProgress): Phase | undefined {
  return p.phaseIndex >= 0 ? template.phases[p.phaseIndex] : undefined
}

/**
 * The phase id the board's rules judge against: the current phase's, none ('') before the start,
 * FINISHED_PHASE_ID once the meeting is finished and PAUSED_PHASE_ID during a break, when the board
 * is read-only for everyone. Server and client both take it from here, so they agree on the moment
 * it closes.
 */
export function rulePhaseId(template: Template, p: MeetingProgress): string {
  if (p.finished) return FINISHED_PHASE_ID
  if (p.onBreak) return PAUSED_PHASE_ID
  return currentPhase(template, p)?.id ?? ''
}

export interface TimerView {
  durationMs: number
  elapsedMs: number
  remainingMs: number
  /** How far past the planned time (0 while within). */
  overrunMs: number
  paused: boolean
}

/** The countdown of the current phase at server time `now`; the same on every screen. */
export function timerAt(template: Template, p: MeetingProgress, now: number): TimerView | null {
  const phase = currentPhase(template, p)
  if (!phase) return null
  const durationMs = phaseMinutesNow(template, p, p.phaseIndex) * 60_000
  const until = p.pausedAt ?? now
  const elapsedMs = Math.max(0, until - p.phaseStartedAt - p.pausedMs)
  return {
    durationMs,
    elapsedMs,
    remainingMs: Math.max(0, durationMs - elapsedMs),
    overrunMs: Math.max(0, elapsedMs - durationMs),
    paused: p.pausedAt !== null,
  }
}

/** The minutes the method plans: the sum of its phases' minutes. */
export function plannedMinutes(template: Template): number {
  return template.phases.reduce((sum, phase) => sum + phase.minutes, 0)
}
