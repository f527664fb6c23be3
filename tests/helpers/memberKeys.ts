import { expect } from 'vitest'
import { unwrapMeetingKey, wrapMeetingKey } from '../../shared/groups/memberKeyWrap'
import { readMemberCredential } from '../../shared/groups/members'
import { createGroup } from './groupScenario'
import { api } from './meetingClient'

const secretOf = (credential: string) => readMemberCredential(credential)!
const meetingKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

/**
 * A member's wrapped meeting key goes only to that member's credential, opens only with their
 * secret, and stops being handed out when their link is renewed; `holds(text)` says whether the
 * server's storage holds `text` anywhere (the wraps yes, the key never). SQLite and Postgres.
 */
export async function checkMemberKeys(base: string, holds: (text: string) => Promise<boolean>) {
  const group = await createGroup(base, 'Sleutelgroep', ['Ann', 'Bea', 'Cas'])
  const made = await api<{ meetingId: string; facilitatorPath: string }>(
    base,
    `/groups/${group.groupId}/meetings`,
    {
      token: group.secret,
      body: { templateId: 'intervisie-8-stappen', title: '', plannedStart: null },
    },
  )
  expect(made.status).toBe(201)
  const meetingId = made.body.meetingId
  const key = meetingKey()
  const path = `/groups/${group.groupId}/meetings/${meetingId}/member-keys`
  const keys = await Promise.all(
    Object.values(group.members).map(async (credential) => {
      const { memberId, secret } = secretOf(credential)
      return { memberId, wrapped: await wrapMeetingKey(key, secret, meetingId, memberId) }
    }),
  )

  // Only the group link stores wraps: not a member, not a wrap for a stranger.
  const byMember = await api<{ error: string }>(base, path, {
    method: 'PUT',
    token: group.members.Ann,
    body: { keys },
  })
  expect([byMember.status, byMember.body.error]).toEqual([403, 'invalid_group_link'])
  const stranger = await api<{ error: string }>(base, path, {
    method: 'PUT',
    token: group.secret,
    body: { keys: [{ memberId: 'niemand', wrapped: keys[0]!.wrapped }] },
  })
  expect([stranger.status, stranger.body.error]).toEqual([400, 'unknown_member'])
  const stored = await api<{ stored: number }>(base, path, {
    method: 'PUT',
    token: group.secret,
    body: { keys },
  })
  expect([stored.status, stored.body.stored]).toEqual([200, 3])

  // Each member gets their own wrap, which opens with their own secret only.
  const fetchKey = (token: string | undefined) =>
    api<{ wrapped?: string; error?: string }>(
      base,
      `/groups/${group.groupId}/meetings/${meetingId}/member-key`,
      {
        token,
      },
    )
  const ann = secretOf(group.members.Ann!)
  const bea = secretOf(group.members.Bea!)
  const annWrap = (await fetchKey(group.members.Ann)).body.wrapped!
  const beaWrap = (await fetchKey(group.members.Bea)).body.wrapped!
  expect(annWrap).not.toBe(beaWrap)
  expect(await unwrapMeetingKey(annWrap, ann.secret, meetingId, ann.memberId)).toBe(key)
  expect(await unwrapMeetingKey(beaWrap, bea.secret, meetingId, bea.memberId)).toBe(key)
  expect(await unwrapMeetingKey(beaWrap, ann.secret, meetingId, ann.memberId)).toBeNull()
  expect(await unwrapMeetingKey(annWrap, ann.secret, 'een-andere-bijeenkomst', ann.memberId)).toBeNull()

  // No credential, the group link, or a forged member credential: nothing.
  for (const token of [undefined, group.secret, `${ann.memberId}.${'x'.repeat(43)}`]) {
    const refused = await fetchKey(token)
    expect([refused.status, refused.body.error]).toEqual([403, 'invalid_member_link'])
  }

  // The server's bytes hold the wraps but never the meeting key.
  expect(await holds(annWrap)).toBe(true)
  expect(await holds(key)).toBe(false)
  expect(await holds(Buffer.from(key, 'base64url').toString('hex'))).toBe(false)

  // A renewed personal link: the old wrap is not handed out; the new credential gets a plain "none".
  const renewed = await api<{ member: { link: string } }>(
    base,
    `/groups/${group.groupId}/members/${bea.memberId}/link`,
    { method: 'POST', token: group.secret },
  )
  const beaNew = renewed.body.member.link.split('#lid=')[1]!
  expect((await fetchKey(group.members.Bea)).status).toBe(403)
  const missing = await fetchKey(beaNew)
  expect([missing.status, missing.body.error]).toEqual([404, 'member_key_missing'])
  // Wrapped again by the group link's holder, Bea has the key again; Ann's wrap is untouched.
  const again = secretOf(beaNew)
  const rewrapped = await wrapMeetingKey(key, again.secret, meetingId, again.memberId)
  await api(base, path, {
    method: 'PUT',
    token: group.secret,
    body: { keys: [{ memberId: again.memberId, wrapped: rewrapped }] },
  })
  const beaAgain = (await fetchKey(beaNew)).body.wrapped!
  expect(await unwrapMeetingKey(beaAgain, again.secret, meetingId, again.memberId)).toBe(key)
  expect((await fetchKey(group.members.Ann)).body.wrapped).toBe(annWrap)

  // Erasing the meeting erases its wraps with it.
  const facilitator = await api<{ token: string }>(base, `/meetings/${meetingId}/facilitate`, {
    body: { secret: made.body.facilitatorPath.split('#begeleider=')[1], member: group.members.Ann },
  })
  const erased = await api(base, `/meetings/${meetingId}`, {
    method: 'DELETE',
    token: facilitator.body.token,
  })
  expect(erased.status).toBe(200)
  expect((await fetchKey(group.members.Ann)).status).toBe(404)
  expect(await holds(annWrap)).toBe(false)
}
