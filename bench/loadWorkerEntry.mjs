// Worker threads start without tsx's loader (Node 20 does not apply --import hooks to a worker's
// own entry): register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./loadWorker.ts')
