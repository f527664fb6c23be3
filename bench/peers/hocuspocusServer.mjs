/**
 * Hocuspocus 4.7 as the bench runs it: default configuration, no extensions (so no storage, like
 * the reference server), on 127.0.0.1:PORT. Prints "ready <port>" once it listens.
 */
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT ?? 0)
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true })
await server.listen()
console.log(`ready ${server.address.port}`)
