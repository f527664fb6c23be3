import { InstancePresenceRecordType, type TLInstancePresence } from 'tldraw'
import { expect, it } from 'vitest'
import { composePresence, slowKey, splitPresence } from '../../client/src/collab/presenceParts'

/** A presence record splits into what changes slowly and where the cursor is, and composes back. */
const record = (x: number, y: number, at: number) =>
  InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId('anna'),
    userId: 'user:anna' as TLInstancePresence['userId'],
    userName: 'Anna',
    currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
    cursor: { x, y, type: 'default', rotation: 0 },
    lastActivityTimestamp: at,
  })

it('moves the cursor without changing the slow part, and composes the record back', () => {
  const a = splitPresence(record(1, 2, 1000))
  const b = splitPresence(record(30, 40, 2000))
  expect(b.at).toEqual([30, 40])
  expect(slowKey(b.slow)).toBe(slowKey(a.slow))
  expect(JSON.stringify(b.slow)).not.toContain('"x"')
  const composed = composePresence(b.slow!, { x: 30, y: 40, receivedAt: 5000 })
  expect(InstancePresenceRecordType.validate(composed)).toMatchObject({
    cursor: { x: 30, y: 40, type: 'default' },
    lastActivityTimestamp: 5000,
  })
})

it('shows no cursor without a cursor entry, and keeps the cursor of a client that sends it whole', () => {
  const { slow } = splitPresence(record(1, 2, 1000))
  expect(composePresence(slow!, null).cursor).toBeNull()
  const whole = { ...record(7, 8, 1000) } as unknown as Record<string, unknown>
  expect(composePresence(whole, null).cursor).toMatchObject({ x: 7, y: 8 })
  // A presence that hides its cursor keeps it hidden, wherever the cursor entry says it is.
  expect(composePresence({ ...slow!, cursor: null }, { x: 1, y: 1, receivedAt: 0 }).cursor).toBeNull()
})
