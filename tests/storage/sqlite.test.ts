import { openStorage } from '../../server/src/storage/openStorage'
import { makeTempDir } from '../helpers/tempDir'
import { storageContract } from './contract'

for (const encrypted of [false, true]) {
  const temp = makeTempDir()
  storageContract(`SQLite (a temp file${encrypted ? ', encrypted at rest' : ''})`, {
    open: () => openStorage({ dataDir: temp.dir, postgres: null, keys: { enabled: encrypted } }),
    cleanup: async () => temp.cleanup(),
    refusesUnknownRooms: false,
  })
}
