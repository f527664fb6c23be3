import { atom, createTLStore, defaultShapeUtils, type TLInstancePresence } from 'tldraw'
import { expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, PRESENCE_FIELD, PRESENCE_INTERVAL_MS } from '../../client/src/collab/presenceBinding'

/**
 * An unchanged presence sends nothing: while someone types in a private zone the filtered presence
 * stays the same (no cursor, activity to the minute), so typing must make no presence frame at all.
 */
it('sends a presence once per change, and nothing when it did not change', async () => {
  const awareness = new Awareness(new Y.Doc())
  const sent: unknown[] = []
  awareness.on('update', () => sent.push(awareness.getLocalState()?.[PRESENCE_FIELD]))
  const $presence = atom<TLInstancePresence | null>('presence', null)
  const store = createTLStore({ shapeUtils: defaultShapeUtils })
  const unbind = bindPresence(store, awareness, $presence)
  const settle = () => new Promise((r) => setTimeout(r, PRESENCE_INTERVAL_MS * 2))
  const hidden = {
    chatMessage: '',
    lastActivityTimestamp: 1_700_000_100_000,
  } as unknown as TLInstancePresence

  $presence.set(hidden)
  await settle()
  const afterFirst = sent.length
  expect(afterFirst).toBeGreaterThan(0)
  // Keystrokes that the filter turns into the very same presence: no frame.
  for (let i = 0; i < 5; i++) {
    $presence.set({ ...hidden })
    await settle()
  }
  expect(sent.length).toBe(afterFirst)
  $presence.set({ ...hidden, chatMessage: 'x' } as TLInstancePresence)
  await settle()
  expect(sent.length).toBe(afterFirst + 1)
  unbind()
  awareness.destroy()
})
