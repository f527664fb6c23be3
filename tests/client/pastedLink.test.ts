import { describe, expect, it } from 'vitest'
import { fragmentSecret, meetingPath, type PastedLink, parsePastedLink } from '../../client/src/pastedLink'

// Shapes as the server and the client make them: ids of 22 and secrets of 43 base64url characters.
const MEETING = 'Qw3_x-Yz0123456789abAB'
const INVITE = `${'i'.repeat(20)}-_${'J'.repeat(21)}`
const FACILITATOR = 'f'.repeat(43)
const BOARD = 'bX9_-k2LmN0pQrStUvWx1y'

const invite: PastedLink = { kind: 'meeting', meetingId: MEETING, secret: { kind: 'invite', secret: INVITE } }
const facilitator: PastedLink = {
  kind: 'meeting',
  meetingId: MEETING,
  secret: { kind: 'facilitator', secret: FACILITATOR },
}
const bareMeeting: PastedLink = { kind: 'meeting', meetingId: MEETING, secret: null }
const board: PastedLink = { kind: 'board', roomId: BOARD }
const problem = (p: string): PastedLink => ({ kind: 'problem', problem: p }) as PastedLink

const cases: Array<[string, string, PastedLink]> = [
  // Invite and facilitator links, with and without host and scheme.
  ['invite link, https', `https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE}`, invite],
  ['invite link, http with port', `http://localhost:8787/m/${MEETING}#uitnodiging=${INVITE}`, invite],
  ['invite link without scheme', `intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE}`, invite],
  ['invite path without host', `/m/${MEETING}#uitnodiging=${INVITE}`, invite],
  ['invite link from another host', `https://test.example.org/m/${MEETING}#uitnodiging=${INVITE}`, invite],
  ['facilitator link', `https://intervisiebord.nl/m/${MEETING}#begeleider=${FACILITATOR}`, facilitator],
  ['facilitator path', `/m/${MEETING}/#begeleider=${FACILITATOR}`, facilitator],
  // What pasting adds around a link.
  [
    'trailing spaces and newline',
    `  https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE} \n`,
    invite,
  ],
  ['angle brackets from a mail', `<https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE}>`, invite],
  ['quoted, with spaces around', ` "m-${MEETING}"\n`, bareMeeting],
  ['full stop after the link', `https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE}.`, invite],
  [
    'a sentence around it',
    `Doe mee: https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE} tot dan!`,
    invite,
  ],
  ['escaped # and =', `https://intervisiebord.nl/m/${MEETING}%23uitnodiging%3D${INVITE}`, invite],
  [
    'inside a safe-links redirect',
    `https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fintervisiebord.nl%2Fm%2F${MEETING}%23uitnodiging%3D${INVITE}&data=05%7C02`,
    invite,
  ],
  // A meeting without its secret still leads to that meeting (its join screen explains).
  ['meeting link without fragment', `https://intervisiebord.nl/m/${MEETING}`, bareMeeting],
  ['meeting room name', `m-${MEETING}`, bareMeeting],
  // Bare codes: 22 characters could be a meeting or a free board; the server tells.
  ['bare code', MEETING, { kind: 'code', code: MEETING }],
  ['bare code with spaces', `  ${MEETING}  `, { kind: 'code', code: MEETING }],
  // Free boards.
  ['board link', `https://intervisiebord.nl/b/${BOARD}`, board],
  ['board link, http, trailing slash and query', `http://localhost:8787/b/${BOARD}/?x=1`, board],
  ['board path', `/b/${BOARD}`, board],
  ['short board code', 'abcdefgh12', { kind: 'board', roomId: 'abcdefgh12' }],
  // What cannot be read, and why.
  ['empty', '   ', problem('empty')],
  ['meeting id cut off', `https://intervisiebord.nl/m/${MEETING.slice(0, 15)}`, problem('badMeetingId')],
  [
    'secret cut off',
    `https://intervisiebord.nl/m/${MEETING}#uitnodiging=${INVITE.slice(0, 30)}`,
    problem('cutSecret'),
  ],
  ['secret missing after =', `/m/${MEETING}#begeleider=`, problem('cutSecret')],
  ['board id too short', 'https://intervisiebord.nl/b/abc', problem('badBoardId')],
  ['board id named like a meeting room', `/b/m-${MEETING}`, problem('badBoardId')],
  ['our front page', 'https://intervisiebord.nl/', problem('unknown')],
  ['new-meeting page', 'https://intervisiebord.nl/nieuw', problem('unknown')],
  ['another site', 'https://zoom.us/j/123456789', problem('unknown')],
  ['too short for a code', 'abc', problem('unknown')],
  ['garbage', '#@!%%%', problem('unknown')],
  ['words', 'de link van Anna', problem('unknown')],
]

describe('parsePastedLink', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(parsePastedLink(input)).toEqual(expected)
  })
})

describe('the meeting key in a pasted link', () => {
  const id = 'A'.repeat(22)
  const secret = 'b'.repeat(43)
  const key = `${'K1-_'.repeat(10)}abc`
  it('carries the key along to the meeting page, and drops a cut one', () => {
    const pasted = parsePastedLink(`https://bord.example/m/${id}#uitnodiging=${secret}&sleutel=${key}`)
    expect(pasted).toEqual({ kind: 'meeting', meetingId: id, secret: { kind: 'invite', secret, key } })
    if (pasted.kind !== 'meeting') throw new Error('not a meeting')
    expect(meetingPath(id, pasted.secret)).toBe(`/m/${id}#uitnodiging=${secret}&sleutel=${key}`)
    const cut = parsePastedLink(
      `https://bord.example/m/${id}#uitnodiging=${secret}&sleutel=${key.slice(0, 30)}`,
    )
    expect(cut).toEqual({ kind: 'meeting', meetingId: id, secret: { kind: 'invite', secret } })
  })
})

describe('meeting links round-trip', () => {
  it('builds the path the parser reads back, secret in the fragment', () => {
    for (const link of [invite, facilitator, bareMeeting]) {
      if (link.kind !== 'meeting') throw new Error('unreachable')
      const path = meetingPath(link.meetingId, link.secret)
      expect(path.startsWith(`/m/${MEETING}`)).toBe(true)
      expect(parsePastedLink(path)).toEqual(link)
      if (link.secret) expect(fragmentSecret(path.slice(path.indexOf('#')))).toEqual(link.secret)
    }
  })
})
