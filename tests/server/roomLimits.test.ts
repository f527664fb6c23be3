import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { zoneRect } from '../../shared/layout'
import type { Template } from '../../shared/templateSchema'
import { HostileClient } from '../helpers/hostileClient'
import { awarenessUpdate } from '../helpers/hostileUpdates'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, createMeeting, joinMeeting } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/** The per-room limits come from the same settings as the socket limits (LIMIT_*). */

let server: TestServer | null = null
afterEach(async () => {
  await server?.stop()
  server?.cleanup()
  server = null
})

/** One update from a fresh Yjs client that sets one record (the way YKeyValue writes it). */
function recordUpdate(base: Y.Doc, record: { id: string }): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  doc.getArray('tl_records').push([{ key: record.id, val: record }])
  return Y.encodeStateAsUpdate(doc, before)
}

it('LIMIT_PRESENCE_STATE_BYTES: a presence state over it closes the connection with 4400', async () => {
  server = await startTestServer({ env: { LIMIT_PRESENCE_STATE_BYTES: '600' } })
  const small = await HostileClient.connect(server.url, 'presence-limit-1')
  small.sendAwareness(
    awarenessUpdate([{ clientId: 11, clock: 1, stateJson: JSON.stringify({ pad: 'x'.repeat(400) }) }]),
  )
  expect(await small.roundTrip()).toBe(true)
  const big = await HostileClient.connect(server.url, 'presence-limit-1')
  big.sendAwareness(
    awarenessUpdate([{ clientId: 12, clock: 1, stateJson: JSON.stringify({ pad: 'x'.repeat(800) }) }]),
  )
  expect(await big.verdict(0)).toBe('closed')
  expect(big.closeCode).toBe(4400)
  await small.close()
})

it('LIMIT_REFUSALS_PER_MINUTE: past the budget of refused updates the connection is closed with 4430', async () => {
  server = await startTestServer({ env: { LIMIT_REFUSALS_PER_MINUTE: '2' } })
  const setup = await createMeeting(server.url, 'roddelmethode')
  const p = await joinMeeting(server.url, setup, 'Pim')
  const hostile = await HostileClient.connect(server.url, setup.roomId, p.token)
  // Writing the meeting's state is always refused.
  const meddle = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(hostile.mirror))
    const before = Y.encodeStateVector(doc)
    doc.getMap('meeting').set('view', { hacked: true })
    return Y.encodeStateAsUpdate(doc, before)
  }
  hostile.sendUpdate(meddle())
  expect(await hostile.verdict(0)).toBe('refused')
  hostile.sendUpdate(meddle())
  expect(await hostile.verdict(1)).toBe('refused')
  expect(hostile.closeCode).toBeNull()
  hostile.sendUpdate(meddle())
  await hostile.verdict(2)
  await eventually(() => hostile.closeCode !== null, 4000, 'the connection closed')
  expect(hostile.closeCode).toBe(4430)
})

it('LIMIT_RECORD_TEXT_CHARS: a note with more text is refused in a meeting, one within it is taken', async () => {
  server = await startTestServer({ env: { LIMIT_RECORD_TEXT_CHARS: '300' } })
  const setup = await createMeeting(server.url, 'roddelmethode')
  const template = (await api<{ template: Template }>(server.url, '/templates/roddelmethode')).body.template
  await command(server.url, setup, { type: 'start' })
  await command(server.url, setup, { type: 'goto', phaseId: 'verkenning' })
  const rect = zoneRect(template, 'roddelzone')
  const hostile = await HostileClient.connect(server.url, setup.roomId, setup.facilitator.token)
  const note = (id: string, text: string) =>
    noteRecord({ id, x: rect.x + 40, y: rect.y + 60, authorId: setup.facilitator.id, text })
  hostile.sendUpdate(recordUpdate(hostile.mirror, note('shape:long', 'x'.repeat(400))))
  expect(await hostile.verdict(0)).toBe('refused')
  expect(hostile.refusals[0]!.en).toMatch(/300/)
  const fresh = await HostileClient.connect(server.url, setup.roomId, setup.facilitator.token)
  fresh.sendUpdate(recordUpdate(fresh.mirror, note('shape:short', 'kort')))
  expect(await fresh.roundTrip()).toBe(true)
  expect(fresh.refusals).toEqual([])
  expect(JSON.stringify(server.registry.peek(setup.roomId)!.doc.getArray('tl_records').toJSON())).toContain(
    'shape:short',
  )
})
