import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_CLAIM } from '../../server/src/storage/clientClaimStore'
import { type ImportBatch, UnstorableTextError } from '../../server/src/storage/importStore'
import {
  DAY_MS,
  type MeetingRow,
  NameTakenError,
  type ParticipantRow,
} from '../../server/src/storage/meetingStore'
import type { Storage } from '../../server/src/storage/openStorage'
import type { SealedDraft } from '../../shared/drafts/sealedDrafts'
import { meetingRoomId } from '../../shared/wire'

/** A backend under test: the real `openStorage`, on a temp SQLite file or a fresh Postgres schema. */
export interface ContractBackend {
  open(): Promise<Storage>
  /** Removes what `open` made (the file, the schema). */
  cleanup(): Promise<void>
  /**
   * The one deliberate difference: several instances need the store to refuse an append to a room
   * it does not know (an erased meeting's room); one SQLite instance keeps that rule in the service.
   */
  refusesUnknownRooms: boolean
}

const bytes = (...values: number[]) => new Uint8Array(values)
const unique = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`
const policy = { defaultDays: 30, maxDays: 365 }

function meetingRow(overrides: Partial<MeetingRow> = {}): MeetingRow {
  return {
    id: unique('mt'),
    templateId: 'roddelmethode',
    title: 'Intervisie maart',
    facilitatorSecretHash: 'fh',
    inviteSecretHash: 'ih',
    progressJson: '{"phaseIndex":0}',
    createdAt: 1_000,
    retentionDays: null,
    ...overrides,
  }
}

function participantRow(meetingId: string, overrides: Partial<ParticipantRow> = {}): ParticipantRow {
  return {
    id: unique('p'),
    meetingId,
    name: 'Anna',
    role: 'inbrenger',
    color: 'blue',
    tokenHash: unique('t'),
    createdAt: 2_000,
    memberId: null,
    removedAt: null,
    nameKey: null,
    ...overrides,
  }
}

const draft = (shapeId: string, sealed = 'ciphertext'): SealedDraft => ({ shapeId, sealed }) as SealedDraft

/**
 * One storage contract: the same calls and expectations on every backend (issue 19). A behaviour
 * one backend has and the other lacks is a bug in one of them, or named in ContractBackend.
 */
export function storageContract(name: string, backend: ContractBackend): void {
  describe(`storage contract: ${name}`, () => {
    let s: Storage
    beforeAll(async () => {
      s = await backend.open()
    })
    afterAll(async () => {
      await s?.close()
      await backend.cleanup()
    })

    describe('rooms', () => {
      it('a room never written loads empty', async () => {
        expect(await s.rooms.load(unique('r'))).toEqual({
          snapshot: null,
          snapshotSeq: 0,
          schema: null,
          updates: [],
        })
      })

      it('appends in order and loads them back, each with a growing seq', async () => {
        const room = unique('r')
        await s.rooms.load(room)
        const seqs = await s.rooms.append(room, [bytes(1), bytes(2, 2)])
        const more = await s.rooms.append(room, [bytes(3)])
        expect(seqs).toHaveLength(2)
        expect(seqs![0]).toBeLessThan(seqs![1]!)
        expect(more![0]).toBeGreaterThan(seqs![1]!)
        const loaded = await s.rooms.load(room)
        expect(loaded.updates.map((u) => [...u.data])).toEqual([[1], [2, 2], [3]])
        expect(loaded.updates.map((u) => u.seq)).toEqual([...seqs!, ...more!])
      })

      it('a snapshot drops the entries it covers, keeps later ones, and never yields to one covering less', async () => {
        const room = unique('r')
        await s.rooms.load(room)
        const [a, b, c] = (await s.rooms.append(room, [bytes(1), bytes(2), bytes(3)]))!
        await s.rooms.compact(room, bytes(9, 9), b!, '{"v":1}')
        let loaded = await s.rooms.load(room)
        expect(loaded.snapshot && [...loaded.snapshot]).toEqual([9, 9])
        expect(loaded.snapshotSeq).toBe(b)
        expect(loaded.schema).toBe('{"v":1}')
        expect(loaded.updates.map((u) => u.seq)).toEqual([c])
        await s.rooms.compact(room, bytes(7), a!, '{"v":0}')
        loaded = await s.rooms.load(room)
        expect(loaded.snapshot && [...loaded.snapshot]).toEqual([9, 9])
        expect(loaded.schema).toBe('{"v":1}')
      })

      it('loadSince gives the snapshot only when it covers more, and the entries after both', async () => {
        const room = unique('r')
        await s.rooms.load(room)
        const [a, b, c] = (await s.rooms.append(room, [bytes(1), bytes(2), bytes(3)]))!
        await s.rooms.compact(room, bytes(8), b!, '{}')
        const behind = await s.rooms.loadSince(room, a!)
        expect(behind.snapshotSeq).toBe(b)
        expect(behind.updates.map((u) => u.seq)).toEqual([c])
        const current = await s.rooms.loadSince(room, b!)
        expect(current.snapshot).toBeNull()
        expect(current.updates.map((u) => u.seq)).toEqual([c])
        expect((await s.rooms.loadSince(room, c!)).updates).toEqual([])
      })

      it('keeps the latest activity, and lists idle rooms but those with the excepted prefix', async () => {
        const prefix = unique('idle')
        const [x, y, m] = [`${prefix}x`, `${prefix}y`, `m-${prefix}`]
        for (const room of [x, y, m]) {
          await s.rooms.load(room)
          await s.rooms.touch(room, 5_000, { create: true })
        }
        await s.rooms.touch(x, 9_000, { create: false })
        await s.rooms.touch(x, 6_000, { create: false })
        expect(await s.rooms.lastActivity(x)).toBe(9_000)
        expect(await s.rooms.lastActivity(unique('never'))).toBeNull()
        await s.rooms.touch(unique('late'), 1, { create: false })
        const idle = await s.rooms.idleRooms(8_000, { exceptPrefix: 'm-', limit: 1000 })
        expect(idle).toContain(y)
        expect(idle).not.toContain(x)
        expect(idle).not.toContain(m)
      })

      it('an erased room loads empty, has no activity, and its claims are gone', async () => {
        const room = unique('r')
        await s.rooms.load(room)
        await s.rooms.touch(room, 5_000, { create: true })
        const [seq] = (await s.rooms.append(room, [bytes(1)]))!
        await s.rooms.compact(room, bytes(2), seq!, '{}')
        await s.rooms.append(room, [bytes(3)])
        expect(await s.claims.claim(room, 42, 'anna')).toBe('anna')
        await s.rooms.erase(room)
        expect(await s.rooms.loadSince(room, -1)).toEqual({
          snapshot: null,
          snapshotSeq: 0,
          schema: null,
          updates: [],
        })
        expect(await s.rooms.lastActivity(room)).toBeNull()
        await s.rooms.load(room)
        expect(await s.claims.claim(room, 42, 'bob')).toBe('bob')
      })
    })

    describe('claims', () => {
      it('the first claimant of a client id owns it; others read back the owner', async () => {
        const room = unique('r')
        await s.rooms.load(room)
        expect(await s.claims.claim(room, 7, SERVER_CLAIM)).toBe(SERVER_CLAIM)
        expect(await s.claims.claim(room, 7, 'anna')).toBe(SERVER_CLAIM)
        expect(await s.claims.claim(room, 8, 'anna')).toBe('anna')
        expect(await s.claims.claim(unique('r'), 7, 'bob')).toBe('bob')
      })
    })

    describe('meetings', () => {
      it('keeps a meeting as written and makes its room, active since its making', async () => {
        const row = meetingRow({ retentionDays: 12 })
        await s.meetings.insertMeeting(row)
        expect(await s.meetings.meeting(row.id)).toEqual(row)
        expect(await s.rooms.lastActivity(meetingRoomId(row.id))).toBe(row.createdAt)
        await s.meetings.setProgress(row.id, '{"phaseIndex":2}')
        await s.meetings.setInviteSecretHash(row.id, 'ih2')
        await s.meetings.setRetentionDays(row.id, null)
        expect(await s.meetings.meeting(row.id)).toEqual({
          ...row,
          progressJson: '{"phaseIndex":2}',
          inviteSecretHash: 'ih2',
          retentionDays: null,
        })
        expect(await s.meetings.meeting(unique('none'))).toBeUndefined()
      })

      it('keeps participants in the order they joined, by token and id, with roles and removal', async () => {
        const m = meetingRow()
        await s.meetings.insertMeeting(m)
        const bea = participantRow(m.id, { name: 'Bea', createdAt: 3_000, memberId: 'mem1', nameKey: 'bea' })
        const anna = participantRow(m.id, { createdAt: 2_000, nameKey: 'anna' })
        await s.meetings.insertParticipant(bea)
        await s.meetings.insertParticipant(anna)
        // The name key is the store's to keep (encrypted storage keeps a keyed hash of it).
        const plain = ({ nameKey: _key, ...row }: ParticipantRow) => row
        expect((await s.meetings.participants(m.id)).map(plain)).toEqual([anna, bea].map(plain))
        expect(plain((await s.meetings.participantByTokenHash(bea.tokenHash))!)).toEqual(plain(bea))
        expect(plain((await s.meetings.participant(anna.id))!)).toEqual(plain(anna))
        await s.meetings.setRole(anna.id, 'begeleider')
        await s.meetings.removeParticipant(bea.id, 4_000, 'revoked')
        expect(await s.meetings.participantByTokenHash(bea.tokenHash)).toBeUndefined()
        expect(await s.meetings.participant(bea.id)).toMatchObject({ removedAt: 4_000, tokenHash: 'revoked' })
        await s.meetings.setTokenHash(bea.id, 'again')
        expect(await s.meetings.participant(bea.id)).toMatchObject({ removedAt: null, tokenHash: 'again' })
        expect(await s.meetings.participant(anna.id)).toMatchObject({ role: 'begeleider' })
      })

      it('refuses a name a present participant holds, and frees it when they are removed', async () => {
        const m = meetingRow()
        await s.meetings.insertMeeting(m)
        const first = participantRow(m.id, { nameKey: 'anna' })
        await s.meetings.insertParticipant(first)
        await expect(
          s.meetings.insertParticipant(participantRow(m.id, { nameKey: 'anna' })),
        ).rejects.toBeInstanceOf(NameTakenError)
        // Names from before (no key) and another meeting's participants hold nothing.
        await s.meetings.insertParticipant(participantRow(m.id, { nameKey: null }))
        await s.meetings.removeParticipant(first.id, 5_000, unique('revoked'))
        await s.meetings.insertParticipant(participantRow(m.id, { nameKey: 'anna' }))
      })

      it('a meeting expires after its own days, else the default, never more than the maximum', async () => {
        const base = 10 * 365 * DAY_MS
        const own = meetingRow({ createdAt: base, retentionDays: 3 })
        const byDefault = meetingRow({ createdAt: base })
        const capped = meetingRow({ createdAt: base, retentionDays: 9_999 })
        for (const row of [own, byDefault, capped]) await s.meetings.insertMeeting(row)
        const mine = (ids: string[]) => ids.filter((id) => [own.id, byDefault.id, capped.id].includes(id))
        expect(mine(await s.meetings.expired(base + 4 * DAY_MS, policy, 1000))).toEqual([own.id])
        expect(mine(await s.meetings.expired(base + 31 * DAY_MS, policy, 1000)).sort()).toEqual(
          [own.id, byDefault.id].sort(),
        )
        await s.rooms.touch(meetingRoomId(byDefault.id), base + 20 * DAY_MS, { create: false })
        expect(mine(await s.meetings.expired(base + 31 * DAY_MS, policy, 1000))).toEqual([own.id])
        expect(mine(await s.meetings.expired(base + 366 * DAY_MS, policy, 1000))).toContain(capped.id)
      })

      it('erases the meeting with its names, room, drafts, attendance and place in its group', async () => {
        const m = meetingRow()
        const room = meetingRoomId(m.id)
        await s.meetings.insertMeeting(m)
        const p = participantRow(m.id)
        await s.meetings.insertParticipant(p)
        await s.rooms.load(room, { create: false })
        const [seq] = (await s.rooms.append(room, [bytes(1)]))!
        await s.rooms.compact(room, bytes(2), seq!, '{}')
        await s.rooms.append(room, [bytes(3)])
        await s.claims.claim(room, 1, p.id)
        await s.drafts.putDrafts(m.id, p.id, 'z1', [draft('shape:a')], true)
        await s.drafts.reveal(
          m.id,
          [],
          [{ noteId: 'shape:n', zoneId: 'z0', authorId: p.id, anonymous: true }],
        )
        const g = unique('g')
        await s.groups.insertGroup(groupRow(g))
        await s.groups.addMeeting({ meetingId: m.id, groupId: g, plannedStart: null, createdAt: 1 })
        await s.groups.presenceOpened({
          id: unique('pr'),
          meetingId: m.id,
          participantId: p.id,
          joinedAt: 1,
          leftAt: null,
        })

        await s.meetings.erase(m.id, room)
        expect(await s.meetings.meeting(m.id)).toBeUndefined()
        expect(await s.meetings.participants(m.id)).toEqual([])
        expect(await s.meetings.participantByTokenHash(p.tokenHash)).toBeUndefined()
        expect(await s.rooms.loadSince(room, -1)).toEqual({
          snapshot: null,
          snapshotSeq: 0,
          schema: null,
          updates: [],
        })
        expect(await s.rooms.lastActivity(room)).toBeNull()
        expect(await s.drafts.ownDrafts(m.id, p.id)).toEqual([])
        expect(await s.drafts.progress(m.id)).toEqual([])
        expect(await s.drafts.revealed(m.id)).toEqual([])
        expect(await s.groups.groupMeeting(m.id)).toBeUndefined()
        expect(await s.groups.presence(m.id)).toEqual([])
        expect(await s.groups.group(g)).toBeDefined()
        if (backend.refusesUnknownRooms) expect(await s.rooms.append(room, [bytes(4)])).toBeNull()
      })
    })

    describe('drafts', () => {
      it('keeps each author their own drafts per zone, with progress and "klaar"', async () => {
        const m = unique('dm')
        await s.drafts.putDrafts(m, 'anna', 'z1', [draft('shape:b'), draft('shape:a')], false)
        await s.drafts.putDrafts(m, 'anna', 'z2', [draft('shape:c')], true)
        await s.drafts.putDrafts(m, 'bob', 'z1', [], true)
        expect(await s.drafts.ownDrafts(m, 'anna')).toEqual([
          { shapeId: 'shape:a', zoneId: 'z1', sealed: 'ciphertext' },
          { shapeId: 'shape:b', zoneId: 'z1', sealed: 'ciphertext' },
          { shapeId: 'shape:c', zoneId: 'z2', sealed: 'ciphertext' },
        ])
        expect(await s.drafts.progress(m)).toEqual([
          { participantId: 'anna', zoneId: 'z1', count: 2, ready: false },
          { participantId: 'anna', zoneId: 'z2', count: 1, ready: true },
          { participantId: 'bob', zoneId: 'z1', count: 0, ready: true },
        ])
        // A draft moved to another zone replaces its old copy; "klaar" can be taken back.
        await s.drafts.putDrafts(m, 'anna', 'z2', [draft('shape:c'), draft('shape:a', 'moved')], false)
        expect(await s.drafts.draftsIn(m, ['z2'])).toEqual([
          { shapeId: 'shape:a', zoneId: 'z2', participantId: 'anna', sealed: 'moved' },
          { shapeId: 'shape:c', zoneId: 'z2', participantId: 'anna', sealed: 'ciphertext' },
        ])
        expect(await s.drafts.draftsIn(m, [])).toEqual([])
        expect(await s.drafts.progress(m)).toContainEqual({
          participantId: 'anna',
          zoneId: 'z2',
          count: 2,
          ready: false,
        })
      })

      it('a reveal takes the zones\u2019 drafts and "klaar" and keeps the placed notes', async () => {
        const m = unique('dm')
        await s.drafts.putDrafts(m, 'anna', 'z1', [draft('shape:a')], true)
        await s.drafts.putDrafts(m, 'anna', 'z2', [draft('shape:b')], true)
        const notes = [
          { noteId: 'shape:n1', zoneId: 'z1', authorId: 'anna', anonymous: false },
          { noteId: 'shape:n2', zoneId: 'z1', authorId: 'anna', anonymous: true },
        ]
        await s.drafts.reveal(m, ['z1'], notes)
        expect(await s.drafts.draftsIn(m, ['z1'])).toEqual([])
        expect(await s.drafts.progress(m)).toEqual([
          { participantId: 'anna', zoneId: 'z2', count: 1, ready: true },
        ])
        const revealed = await s.drafts.revealed(m)
        expect(revealed.sort((a, b) => a.noteId.localeCompare(b.noteId))).toEqual(notes)
      })
    })

    describe('imports', () => {
      function batchOf(count: number): ImportBatch {
        const meetings = Array.from({ length: count }, () => {
          const meeting = meetingRow()
          return {
            meeting,
            participants: [
              participantRow(meeting.id),
              participantRow(meeting.id, { name: 'Bea', createdAt: 2_001 }),
            ],
            revealed: [{ noteId: 'shape:n', zoneId: 'z', authorId: 'p', anonymous: true }],
            roomId: meetingRoomId(meeting.id),
            board: { update: bytes(count, 1, 2), clientId: 1234 },
          }
        })
        return { meetings }
      }
      const stored = async (batch: ImportBatch) =>
        Promise.all(
          batch.meetings.map(async (m) => ({
            meeting: await s.meetings.meeting(m.meeting.id),
            people: (await s.meetings.participants(m.meeting.id)).length,
            updates: (await s.rooms.loadSince(m.roomId, -1)).updates.length,
          })),
        )

      it('stores a whole import: meetings, people, notes, boards, group', async () => {
        const batch = batchOf(2)
        const g = groupRow(unique('g'))
        const first = batch.meetings[0]!
        const presence = {
          id: unique('pr'),
          meetingId: first.meeting.id,
          participantId: 'p',
          joinedAt: 1,
          leftAt: 2,
        }
        await s.imports.write({
          ...batch,
          group: {
            row: g,
            series: [{ meetingId: first.meeting.id, groupId: g.id, plannedStart: null, createdAt: 5 }],
            presence: [presence],
          },
        })
        expect(await s.meetings.meeting(first.meeting.id)).toEqual(first.meeting)
        expect(await s.meetings.participants(first.meeting.id)).toEqual(first.participants)
        expect(await s.drafts.revealed(first.meeting.id)).toEqual(first.revealed)
        const room = await s.rooms.load(first.roomId, { create: false })
        expect(room.updates.map((u) => [...u.data])).toEqual([[2, 1, 2]])
        expect(await s.rooms.lastActivity(first.roomId)).toBe(first.meeting.createdAt)
        // The board's writer is the server's: nobody else may write in its clock range.
        expect(await s.claims.claim(first.roomId, 1234, 'someone')).toBe(SERVER_CLAIM)
        // The room takes appends like any meeting's room.
        expect(await s.rooms.append(first.roomId, [bytes(9)])).toHaveLength(1)
        expect(await s.groups.group(g.id)).toEqual(g)
        expect((await s.groups.meetings(g.id)).map((r) => r.meetingId)).toEqual([first.meeting.id])
        expect(await s.groups.presence(first.meeting.id)).toEqual([presence])
      })

      it('refuses text the database cannot keep, naming its field, and stores nothing', async () => {
        const batch = batchOf(3)
        ;(batch.meetings[2]!.participants[0] as { name: string }).name = 'Bea\u0000Begeleider'
        const refusal = await s.imports.write(batch).catch((error: unknown) => error)
        expect(refusal).toBeInstanceOf(UnstorableTextError)
        expect(refusal).toMatchObject({ field: 'meetings.2.participants.0.name' })
        expect(await stored(batch)).toEqual(
          batch.meetings.map(() => ({ meeting: undefined, people: 0, updates: 0 })),
        )
      })

      it('is one transaction: a write the database refuses half way leaves nothing of the import', async () => {
        const batch = batchOf(3)
        // The last meeting's participant holds a token another already holds (a unique column).
        const taken = batch.meetings[0]!.participants[0]!.tokenHash
        ;(batch.meetings[2]!.participants[1] as { tokenHash: string }).tokenHash = taken
        await expect(s.imports.write(batch)).rejects.toThrow()
        expect(await stored(batch)).toEqual(
          batch.meetings.map(() => ({ meeting: undefined, people: 0, updates: 0 })),
        )
      })
    })

    describe('groups', () => {
      it('keeps a group, its series, member keys and attendance', async () => {
        const g = groupRow(unique('g'))
        await s.groups.insertGroup(g)
        expect(await s.groups.group(g.id)).toEqual(g)
        const [m1, m2] = [meetingRow(), meetingRow()]
        for (const m of [m1, m2]) await s.meetings.insertMeeting(m)
        await s.groups.addMeeting({ meetingId: m2.id, groupId: g.id, plannedStart: 77, createdAt: 20 })
        await s.groups.addMeeting({ meetingId: m1.id, groupId: g.id, plannedStart: null, createdAt: 10 })
        expect((await s.groups.meetings(g.id)).map((r) => r.meetingId)).toEqual([m1.id, m2.id])
        expect(await s.groups.groupMeeting(m2.id)).toEqual({
          meetingId: m2.id,
          groupId: g.id,
          plannedStart: 77,
          createdAt: 20,
        })
        expect(await s.groups.memberKeysJson(m1.id)).toBeNull()
        await s.groups.setMemberKeysJson(m1.id, '{"k":1}')
        expect(await s.groups.memberKeysJson(m1.id)).toBe('{"k":1}')
        const open = { id: unique('pr'), meetingId: m1.id, participantId: 'p1', joinedAt: 100, leftAt: null }
        await s.groups.presenceOpened(open)
        await s.groups.presenceClosed(open.id, 150)
        expect(await s.groups.presence(m1.id)).toEqual([{ ...open, leftAt: 150 }])
        await s.groups.setRetentionDays(g.id, 5)
        await s.groups.setSecretHash(g.id, 'sh2')
        await s.groups.setMembersJson(g.id, '[]')
        expect(await s.groups.group(g.id)).toMatchObject({
          retentionDays: 5,
          secretHash: 'sh2',
          membersJson: '[]',
        })
        await s.groups.setSecrets(g.id, 'sh3', '[{"x":1}]')
        expect(await s.groups.group(g.id)).toMatchObject({ secretHash: 'sh3', membersJson: '[{"x":1}]' })

        await s.groups.eraseGroup(g.id)
        expect(await s.groups.group(g.id)).toBeUndefined()
        expect(await s.groups.meetings(g.id)).toEqual([])
        expect(await s.groups.presence(m1.id)).toEqual([])
        expect(await s.meetings.meeting(m1.id)).toBeDefined()
      })

      it('a group is active as late as its page or its meetings, and expires after its retention', async () => {
        const base = 20 * 365 * DAY_MS
        const g = groupRow(unique('g'), { createdAt: base, lastActiveAt: base })
        await s.groups.insertGroup(g)
        expect(await s.groups.lastActivity(g.id)).toBe(base)
        await s.groups.touchGroup(g.id, base + DAY_MS)
        await s.groups.touchGroup(g.id, base)
        expect(await s.groups.lastActivity(g.id)).toBe(base + DAY_MS)
        const m = meetingRow({ createdAt: base })
        await s.meetings.insertMeeting(m)
        await s.groups.addMeeting({ meetingId: m.id, groupId: g.id, plannedStart: null, createdAt: base })
        await s.rooms.touch(meetingRoomId(m.id), base + 2 * DAY_MS, { create: false })
        expect(await s.groups.lastActivity(g.id)).toBe(base + 2 * DAY_MS)
        const mine = (ids: string[]) => ids.filter((id) => id === g.id || id === m.id)
        expect(mine(await s.groups.expired(base + 31 * DAY_MS, policy, 1000))).toEqual([])
        expect(mine(await s.groups.expired(base + 33 * DAY_MS, policy, 1000))).toEqual([g.id])
        // Its meeting, without days of its own, goes with the group.
        expect(mine(await s.meetings.expired(base + 33 * DAY_MS, policy, 1000))).toEqual([m.id])
        expect(await s.groups.lastActivity(unique('none'))).toBeUndefined()
      })

      it('gives a group from before members had ids its members, once, binding its participants', async () => {
        const g = groupRow(unique('g'), { membersJson: JSON.stringify(['Anna', 'Bob']) })
        await s.groups.insertGroup(g)
        const m = meetingRow()
        await s.meetings.insertMeeting(m)
        await s.groups.addMeeting({ meetingId: m.id, groupId: g.id, plannedStart: null, createdAt: 1 })
        const anna = participantRow(m.id, { name: 'anna' })
        await s.meetings.insertParticipant(anna)
        expect(await s.groups.migrateLegacyMembers()).toBeGreaterThanOrEqual(1)
        const members = JSON.parse((await s.groups.group(g.id))!.membersJson) as Array<{
          id: string
          name: string
        }>
        expect(members.map((x) => x.name)).toEqual(['Anna', 'Bob'])
        expect((await s.meetings.participant(anna.id))?.memberId).toBe(members[0]!.id)
        expect(await s.groups.migrateLegacyMembers()).toBe(0)
      })
    })
  })
}

function groupRow(id: string, overrides: Partial<Parameters<Storage['groups']['insertGroup']>[0]> = {}) {
  return {
    id,
    name: 'Groep Noord',
    secretHash: 'gs',
    membersJson: '[]',
    createdAt: 1_000,
    retentionDays: null,
    lastActiveAt: 1_000,
    ...overrides,
  }
}
