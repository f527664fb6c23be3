import { evaluationZoneFor } from '../../../shared/outcome/evaluation'
import { firstAdvicePhase } from '../../../shared/outcome/outcomeZones'
import { FINISHED_PHASE_ID } from '../../../shared/permissions'
import type { Template } from '../../../shared/templateSchema'
import type { MeetingView, ParticipantView } from '../../../shared/wire'

/**
 * Who reaches the report from the board: everyone once the meeting is finished; the facilitator
 * at any time (to follow the outcome as it fills); the inbrenger at any time, to make the
 * choices that are theirs (advice, action); everyone who may write the evaluation now.
 */
export function mayOpenReport(
  template: Template,
  view: MeetingView,
  me: ParticipantView,
  phaseId: string,
): boolean {
  if (view.progress.finished || me.role === 'begeleider' || me.role === 'inbrenger') return true
  return evaluationZoneFor(template, phaseId, me.role) !== null
}

/** What the inbrenger may do on the report page now; the rules decide again when it is written. */
export function choicesOpen(
  template: Template,
  view: MeetingView,
  me: ParticipantView,
  phaseId: string,
): { action: boolean; advice: boolean } {
  if (me.role !== 'inbrenger' || view.progress.finished || phaseId === FINISHED_PHASE_ID)
    return { action: false, advice: false }
  const started = view.progress.phaseIndex >= 0
  const first = firstAdvicePhase(template)
  return { action: started, advice: started && first >= 0 && view.progress.phaseIndex >= first }
}

/**
 * A file name for a report: the meeting's title in safe characters, what the file is, and its
 * extension (Markdown unless said otherwise: the board image is .svg or .png).
 */
export function reportFileName(
  title: string,
  kind: 'verslag' | 'reflectieverslag' | 'bord',
  extension: 'md' | 'svg' | 'png' = 'md',
): string {
  const safe = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
  return `${safe || 'bijeenkomst'}-${kind}.${extension}`
}
