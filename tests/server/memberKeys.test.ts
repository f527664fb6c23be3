import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { checkMemberKeys } from '../helpers/memberKeys'

let server: TestServer | undefined
afterAll(async () => {
  await server?.stop()
  server?.cleanup()
})

/** Whether `needle` occurs in the raw bytes of any file under the data dir (database, WAL). */
function inDataDir(dir: string, needle: string): boolean {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && readFileSync(path.join(entry.parentPath, entry.name)).includes(needle),
  )
}

it("hands a member's wrapped meeting key only to that member; the server never holds the key (SQLite)", async () => {
  server = await startTestServer({ log: () => {} })
  const dataDir = server.dataDir
  await checkMemberKeys(server.url, async (text) => inDataDir(dataDir, text))
}, 30_000)
