import { describe, expect, it } from 'vitest'
import { meetingMessages } from '../../client/src/meeting/messages'
import { ROLE_IDS } from '../../shared/schema'

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
