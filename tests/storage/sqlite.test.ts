import { openStorage } from '../../server/src/storage/openStorage'
import { makeTempDir } from '../helpers/tempDir'
import { storageContract } from './contract'

const temp = makeTempDir()

storageContract('SQLite (a temp file)', {
  open: () => openStorage({ dataDir: temp.dir, postgres: null }),
  cleanup: async () => temp.cleanup(),
  refusesUnknownRooms: false,
})
