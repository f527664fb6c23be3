import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { readConfig } from './config'
import { startServer } from './server'

const config = readConfig()
mkdirSync(config.dataDir, { recursive: true })
const server = await startServer(config)
console.log(
  `Intervisiebord luistert op http://localhost:${server.port} (data: ${path.relative(process.cwd(), config.dataDir) || '.'})`,
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0))
  })
}
