import { describe, expect, it } from 'vitest'
import { unwrapMeetingKey, wrapMeetingKey } from '../../shared/groups/memberKeyWrap'
import { readMemberCredential } from '../../shared/groups/members'

/**
 * A meeting key wrapped for one group member opens with that member's secret, for that meeting
 * and member only (groups/memberKeyWrap.ts); a member credential is read only in its one form.
 */
const MEETING_KEY = 'k'.repeat(43)
const SECRET = 'geheim-van-anna-1234567890'

describe('a wrapped meeting key', () => {
  it('opens for its member, meeting and secret, and for no other', async () => {
    const wrapped = await wrapMeetingKey(MEETING_KEY, SECRET, 'meeting-1', 'anna')
    expect(await unwrapMeetingKey(wrapped, SECRET, 'meeting-1', 'anna')).toBe(MEETING_KEY)
    expect(await unwrapMeetingKey(wrapped, `${SECRET}x`, 'meeting-1', 'anna')).toBeNull()
    expect(await unwrapMeetingKey(wrapped, SECRET, 'meeting-2', 'anna')).toBeNull()
    expect(await unwrapMeetingKey(wrapped, SECRET, 'meeting-1', 'bram')).toBeNull()
  })

  it('opens nothing that is not a wrap', async () => {
    for (const text of ['', 'kort', `${'A'.repeat(60)}=`, 'A'.repeat(201)])
      expect(await unwrapMeetingKey(text, SECRET, 'meeting-1', 'anna'), text).toBeNull()
  })
})

describe('a member credential', () => {
  it('is <memberId>.<secret>, and nothing else', () => {
    expect(readMemberCredential('anna.abcdefghijklmnopqrst')).toEqual({
      memberId: 'anna',
      secret: 'abcdefghijklmnopqrst',
    })
    for (const text of [
      'anna',
      'anna.kort',
      '.abcdefghijklmnopqrst',
      `${'a'.repeat(65)}.abcdefghijklmnopqrst`,
      `anna.${'s'.repeat(101)}`,
      'an na.abcdefghijklmnopqrst',
      'anna.abcdefghijklmnopqrst.extra',
    ])
      expect(readMemberCredential(text), text).toBeNull()
  })
})
