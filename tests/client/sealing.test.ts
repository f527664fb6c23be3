import { describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import { SealedText } from '../../shared/drafts/sealedDrafts'
import { sealedTextOf } from '../../shared/drafts/sealedMeta'
import { noteRecord } from '../helpers/records'

/**
 * A seal opens only with its meeting's key, for the meeting and the note id it was made for: a
 * sealed text cannot be passed off as another note's or carried into another meeting. What it
 * makes is what the server takes (SealedText), up to a note of the longest text a record holds.
 */
describe('a seal', () => {
  it('opens with its key for its meeting and note, and for nothing else', async () => {
    const key = await importMeetingKey(newMeetingKey())
    const sealed = await sealText(key, 'meeting-1', 'shape:a', 'Wat maakt dit lastig?')
    expect(await openText(key, 'meeting-1', 'shape:a', sealed)).toBe('Wat maakt dit lastig?')
    await expect(openText(key, 'meeting-1', 'shape:b', sealed)).rejects.toThrow()
    await expect(openText(key, 'meeting-2', 'shape:a', sealed)).rejects.toThrow()
    const other = await importMeetingKey(newMeetingKey())
    await expect(openText(other, 'meeting-1', 'shape:a', sealed)).rejects.toThrow()
  })

  it('is what the server accepts, also for a note of 10,000 characters', async () => {
    const key = await importMeetingKey(newMeetingKey())
    for (const text of ['', 'kort', 'lang '.repeat(2000)]) {
      const sealed = await sealText(key, 'meeting-1', 'shape:a', text)
      expect(SealedText.safeParse(sealed).success, `${text.length} characters`).toBe(true)
    }
  })

  it('is read from a note only when it is text', () => {
    const note = noteRecord({ id: 'shape:n', x: 0, y: 0, authorId: 'anna', text: '' })
    expect(sealedTextOf({ ...note, meta: { ...note.meta, sealed: 'QUJD' } })).toBe('QUJD')
    expect(sealedTextOf({ ...note, meta: { ...note.meta, sealed: 42 } })).toBeNull()
    expect(sealedTextOf(note)).toBeNull()
    expect(sealedTextOf({ ...note, meta: undefined })).toBeNull()
  })
})
