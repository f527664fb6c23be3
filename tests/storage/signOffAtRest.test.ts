import { randomBytes } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { decryptText, MissingKeyError } from '../../server/src/storage/atRest'
import { openStorage } from '../../server/src/storage/openStorage'
import { hitsUnder, KEY_FILE } from '../helpers/dataFiles'
import { makeTempDir } from '../helpers/tempDir'
import { sqliteKey } from '../helpers/throughKeys'

const temp = makeTempDir()
afterAll(() => temp.cleanup())

/** The reflection's sign-off names its signer: stored encrypted with the meeting's key, like names. */
it('keeps the signer’s name of a reflection readable only with the meeting’s key', async () => {
  const s = await openStorage({ dataDir: temp.dir, postgres: null, keys: { enabled: true } })
  const meetingId = `signoff${randomBytes(6).toString('hex')}`
  const name = `Ondertekenaar-${randomBytes(4).toString('hex')}`
  await s.drafts.putReflection(meetingId, 'p-author', 'sealed-report', 1)
  const signOff = { participantId: 'p-fac', name, memberId: null, meetingId, at: 2 }
  await s.drafts.signReflection(meetingId, signOff)
  expect((await s.drafts.reflection(meetingId))?.signOff).toEqual(signOff)
  expect(hitsUnder(temp.dir, [name])).toEqual([])
  // The row holds ciphertext that the meeting's key (erased with the meeting) opens.
  const db = new Database(path.join(temp.dir, 'intervisiebord.sqlite'), { readonly: true })
  const row = db
    .prepare('SELECT sign_off_json AS j FROM sealed_reflection WHERE meeting_id = ?')
    .get(meetingId) as {
    j: string
  }
  db.close()
  const stored = JSON.parse(row.j).name as string
  const key = sqliteKey(path.join(temp.dir, KEY_FILE), `m-${meetingId}`)
  expect(decryptText(key, `m-${meetingId}`, stored)).toBe(name)
  expect(() => decryptText(null, `m-${meetingId}`, stored)).toThrow(MissingKeyError)
  await s.close()
})
