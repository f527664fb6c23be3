import Database from 'better-sqlite3'
import { afterAll, it } from 'vitest'
import { TestClock } from '../helpers/groupScenario'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { checkLegacyMembers } from '../helpers/legacyMembers'
import { makeTempDir } from '../helpers/tempDir'

const temp = makeTempDir()
let server: TestServer | undefined
afterAll(async () => {
  await server?.stop()
  temp.cleanup()
})

it('moves a group from before members had ids on start-up (SQLite)', async () => {
  const clock = new TestClock()
  server = await checkLegacyMembers(
    async () => (server = await startTestServer({ dataDir: temp.dir, now: clock.now, log: () => {} })),
    async (groupId) => {
      const db = new Database(DB_FILE(temp.dir))
      try {
        db.prepare(`UPDATE meeting_group SET members_json = '["Bea","Ahmed"]' WHERE id = ?`).run(groupId)
        db.prepare('UPDATE participant SET member_id = NULL, name_key = NULL').run()
      } finally {
        db.close()
      }
    },
    clock,
  )
}, 60_000)
