import { describe, expect, it } from 'vitest'
import { choicesOpen, mayOpenReport, reportFileName } from '../../client/src/report/reportAccess'
import { FINISHED_PHASE_ID } from '../../shared/permissions'
import type { RoleId } from '../../shared/schema'
import type { MeetingView, ParticipantView } from '../../shared/wire'
import { method, progressAt } from './support'

/**
 * Who reaches the report page from the board, and when the inbrenger's choices are open there:
 * everyone after "Afgerond", the facilitator and the inbrenger at any time, the others while
 * they may write the evaluation; the advice choice
 * from the phase in which advice can be written (method 5: advisering, the ninth phase).
 */
const template = method('warm-neutraal-koud')
const person = (role: RoleId): ParticipantView => ({ id: `p-${role}`, name: role, role, color: '#000' })
const viewAt = (phaseIndex: number, finished = false): MeetingView => ({
  meetingId: 'm',
  templateId: template.id,
  title: 'Team Noord',
  progress: progressAt(phaseIndex, { finished }),
  participants: [],
})
const phaseId = (i: number) => template.phases[i]?.id ?? ''

describe('the report button', () => {
  it('shows for the facilitator and the inbrenger at any time, for everyone after Afgerond', () => {
    for (const at of [-1, 0, 5]) {
      const open = (role: RoleId) => mayOpenReport(template, viewAt(at), person(role), phaseId(at))
      expect(open('begeleider')).toBe(true)
      expect(open('inbrenger')).toBe(true)
      expect(open('deelnemer')).toBe(false)
      expect(open('observer')).toBe(false)
    }
    for (const role of ['deelnemer', 'observer', 'begeleider', 'inbrenger'] as const)
      expect(mayOpenReport(template, viewAt(9, true), person(role), FINISHED_PHASE_ID)).toBe(true)
  })

  it('shows for whoever may write the evaluation now, not for an observer', () => {
    expect(template.phases[9]!.id).toBe('evaluatie')
    expect(mayOpenReport(template, viewAt(9), person('deelnemer'), phaseId(9))).toBe(true)
    expect(mayOpenReport(template, viewAt(9), person('observer'), phaseId(9))).toBe(false)
    expect(mayOpenReport(template, viewAt(8), person('deelnemer'), phaseId(8))).toBe(false)
  })
})

describe('the inbrenger’s choices on the report page', () => {
  it('open the action once the meeting runs and the advice from the advice phase, closed when finished', () => {
    const ina = person('inbrenger')
    expect(choicesOpen(template, viewAt(-1), ina, '')).toEqual({ action: false, advice: false })
    expect(choicesOpen(template, viewAt(0), ina, phaseId(0))).toEqual({ action: true, advice: false })
    expect(choicesOpen(template, viewAt(7), ina, phaseId(7))).toEqual({ action: true, advice: false })
    expect(template.phases[8]!.id).toBe('advisering')
    expect(choicesOpen(template, viewAt(8), ina, phaseId(8))).toEqual({ action: true, advice: true })
    expect(choicesOpen(template, viewAt(9), ina, phaseId(9))).toEqual({ action: true, advice: true })
    expect(choicesOpen(template, viewAt(9, true), ina, FINISHED_PHASE_ID)).toEqual({
      action: false,
      advice: false,
    })
    expect(choicesOpen(template, viewAt(9), person('begeleider'), phaseId(9))).toEqual({
      action: false,
      advice: false,
    })
  })
})

describe('report file names', () => {
  it('are the title in plain letters and digits, with what the file is', () => {
    expect(reportFileName('Intervisie Team Noord — 2 december', 'verslag')).toBe(
      'intervisie-team-noord-2-december-verslag.md',
    )
    expect(reportFileName('Café Überleg', 'reflectieverslag')).toBe('cafe-uberleg-reflectieverslag.md')
    expect(reportFileName('../../etc/passwd', 'verslag')).toBe('etc-passwd-verslag.md')
    expect(reportFileName('!!!', 'verslag')).toBe('bijeenkomst-verslag.md')
  })
})
