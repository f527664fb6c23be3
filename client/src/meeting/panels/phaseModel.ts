import { blockOf, currentPhase, type MeetingProgress } from '../../../../shared/phaseMachine'
import type { LocalizedText, Phase, RepeatBlock, RoleId } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'
import { minutesTaken } from '../../../../shared/timeBudget'

/**
 * What the phase bar shows, computed from the template and the progress alone (no React, no
 * clock), so it can be tested on the real method files.
 */

/** Where the meeting is: before the start, in a phase, or done. */
export type MeetingStage =
  | { kind: 'notStarted' }
  | { kind: 'finished' }
  | {
      kind: 'phase'
      phase: Phase
      /** 1-based step number and the number of steps. */
      step: number
      steps: number
      /** The repeat block the phase is in, with the round (topic or case) it is on. */
      repeat: { block: RepeatBlock; round: number } | null
    }

export function meetingStage(template: Template, progress: MeetingProgress): MeetingStage {
  if (progress.finished) return { kind: 'finished' }
  const phase = currentPhase(template, progress)
  if (!phase) return { kind: 'notStarted' }
  const block = blockOf(template, progress.phaseIndex)
  return {
    kind: 'phase',
    phase,
    step: progress.phaseIndex + 1,
    steps: template.phases.length,
    repeat: block ? { block, round: progress.round } : null,
  }
}

/** Roles that do what the deelnemer does when a phase does not name them. */
const LIKE_DEELNEMER: ReadonlySet<RoleId> = new Set(['binnengroep', 'buitengroep', 'verslaglegger'])

/**
 * What `role` does in `phase`: the phase's own instruction for that role; for the inner and outer
 * circle and the note-taker the deelnemer's when the phase has none of their own. Undefined when
 * the method says nothing (observers, mostly): the caller shows the role's general description.
 */
export function instructionFor(phase: Phase, role: RoleId): LocalizedText | undefined {
  const own = phase.instructions[role]
  if (own) return own
  return LIKE_DEELNEMER.has(role) ? phase.instructions.deelnemer : undefined
}

/** The method's name for a role, when it renames it ("inbrenger (protagonist)"); else undefined. */
export function methodRoleLabel(template: Template, role: RoleId): LocalizedText | undefined {
  return template.roleLabels[role]
}

export type StepStatus = 'done' | 'current' | 'upcoming'

export interface TimelineStep {
  id: string
  /** 1-based. */
  number: number
  title: LocalizedText
  minutes: number
  /** The source gives no minutes; ours are an estimate. */
  estimated: boolean
  optional: boolean
  status: StepStatus
  /** The repeat block this step belongs to, if any. */
  block: RepeatBlock | null
}

export interface TimelineModel {
  steps: TimelineStep[]
  /** Sum of all steps' minutes. */
  totalMinutes: number
  /** Whether any step's minutes are an estimate (then the total is one too). */
  totalEstimated: boolean
  /** The method's own total, only when it differs from the sum of the steps. */
  statedMinutes: number | null
}

/**
 * All phases in order with their status. Before the start all are upcoming; once finished all are
 * done. Phases the facilitator jumped past count as done: the bar shows where the group stands.
 */
export function timelineModel(template: Template, progress: MeetingProgress): TimelineModel {
  const at = progress.phaseIndex
  const status = (index: number): StepStatus => {
    if (progress.finished) return 'done'
    if (at < 0 || index > at) return 'upcoming'
    return index === at ? 'current' : 'done'
  }
  let totalMinutes = 0
  const steps = template.phases.map((phase, index): TimelineStep => {
    // Less what the facilitator took from it for the time budget (timeBudget.ts).
    const minutes = phase.minutes - (minutesTaken(progress)[phase.id] ?? 0)
    totalMinutes += minutes
    return {
      id: phase.id,
      number: index + 1,
      title: phase.title,
      minutes,
      estimated: phase.minutesDefaulted,
      optional: phase.optional,
      status: status(index),
      block: blockOf(template, index) ?? null,
    }
  })
  const stated = template.statedTotalMinutes
  return {
    steps,
    totalMinutes,
    totalEstimated: steps.some((s) => s.estimated),
    statedMinutes: stated !== null && stated !== totalMinutes ? stated : null,
  }
}

/** Identifies "the same phase": a change of phase, round or finished state is announced. */
export function stageKey(progress: MeetingProgress): string {
  return `${progress.phaseIndex}:${progress.round}:${progress.finished}`
}

/**
 * An instruction after "Jij:" reads on ("Jij: luister en …"): lowercases its first letter unless
 * the first word looks like a name or an abbreviation (a capital follows, or it is one letter).
 */
export function continueSentence(text: string): string {
  const [first, second] = [text.charAt(0), text.charAt(1)]
  if (!second || second.toLowerCase() !== second || second.toUpperCase() === second) return text
  return first.toLowerCase() + text.slice(1)
}
