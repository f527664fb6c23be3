import { describe, expect, it } from 'vitest'
import { meetingMessages } from '../../client/src/meeting/messages'
import { errorText } from '../../client/src/meeting/panels/errorText'
import { applyCommand, type MeetingCommand } from '../../templates/src/phaseMachine'
import { ROLE_IDS } from '../../templates/src/schema'
import { method, progressAt } from './support'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('meeting messages', () => {
  it('has a text in both languages for every key, with the same placeholders', () => {
    const { nl, en } = meetingMessages
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect(nl[key].trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]))
    }
  })

  it('names and describes every role, and says what it does when a phase does not', () => {
    const keys = Object.keys(meetingMessages.nl)
    for (const role of ROLE_IDS) {
      expect(keys).toContain(`meeting.role.${role}`)
      expect(keys).toContain(`meeting.roleInfo.${role}`)
      expect(keys).toContain(`meeting.youDo.${role}`)
    }
  })
})

describe('errorText', () => {
  const roddel = method('roddelmethode')
  const refusal = (command: MeetingCommand, phaseIndex: number, pausedAt: number | null = null) => {
    const result = applyCommand(roddel, progressAt(phaseIndex, { pausedAt }), command, 10)
    if (result.ok) throw new Error('expected a refusal')
    return new Error(result.error)
  }

  it('has our own text for every refusal of the phase machine a facilitator can meet', () => {
    expect(errorText(refusal({ type: 'start' }, 0))).toEqual({ key: 'meeting.error.alreadyStarted' })
    expect(errorText(refusal({ type: 'next' }, 4))).toEqual({ key: 'meeting.error.lastPhase' })
    expect(errorText(refusal({ type: 'previous' }, 0))).toEqual({ key: 'meeting.error.firstPhase' })
    expect(errorText(refusal({ type: 'pause' }, 1, 5))).toEqual({ key: 'meeting.error.alreadyPaused' })
    expect(errorText(refusal({ type: 'resume' }, 1))).toEqual({ key: 'meeting.error.notPaused' })
    expect(errorText(refusal({ type: 'nextRound' }, 1))).toEqual({ key: 'meeting.error.notRepeating' })
    expect(errorText(refusal({ type: 'extend', minutes: 5 }, -1))).toEqual({
      key: 'meeting.error.notStarted',
    })
  })

  it("knows the server's refusals of role changes and sessions", () => {
    expect(errorText(new Error('A meeting keeps at least one begeleider.'))).toEqual({
      key: 'meeting.error.lastFacilitator',
    })
    expect(errorText(new Error('Only the begeleider can do this.'))).toEqual({
      key: 'meeting.error.notFacilitator',
    })
    expect(errorText(new Error('Unknown or expired session for this meeting.'))).toEqual({
      key: 'meeting.error.session',
    })
    expect(errorText(new TypeError('Failed to fetch'))).toEqual({ key: 'meeting.error.network' })
  })

  it('passes anything else on as the reason', () => {
    expect(errorText(new Error('Something odd.'))).toEqual({
      key: 'meeting.error.generic',
      reason: 'Something odd.',
    })
    expect(errorText('plain text')).toEqual({ key: 'meeting.error.generic', reason: 'plain text' })
    expect(errorText(null)).toEqual({ key: 'meeting.error.generic', reason: '?' })
  })
})
