import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { roomProtocols } from '../../shared/roomHandshake'
import { createMeeting, type MeetingSetup } from '../helpers/meetingClient'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'

/**
 * Issue 16, finding 1: unfinished WebSocket upgrades from one address, each reopened as soon as
 * it is answered, must leave everyone else's page loads, API calls and room sockets alone, and
 * must not grow the log by megabytes. The server runs as a child process; the flood comes from
 * 127.0.0.2 (the loopback range on Linux), everyone else from 127.0.0.1.
 */

const FLOOD_SOCKETS = 600
/** The flood ends after this many answered sockets (or FLOOD_MAX_MS): bounded in count and time. */
const FLOOD_ANSWERS = 60_000
const FLOOD_MAX_MS = 40_000
const PROBE_TIMEOUT_MS = 5_000

let server: ServerProcess
let setup: MeetingSetup
const clientDir = mkdtempSync(path.join(os.tmpdir(), 'intervisiebord-client-'))

beforeAll(async () => {
  // A stand-in for the built client, so a page load answers 200 (without it: 503 "not built").
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Intervisiebord</title>')
  server = await startServerProcess({ env: { CLIENT_DIR: clientDir } })
  setup = await createMeeting(server.url, 'roddelmethode')
})

afterAll(async () => {
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

/** Sockets from 127.0.0.2 that send half an upgrade and wait; each is reopened once answered. */
function flood(port: number) {
  let answered = 0
  let stopped = false
  const open = new Set<net.Socket>()
  const started = Date.now()
  let done!: () => void
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  const stop = () => {
    if (stopped) return
    stopped = true
    for (const socket of open) socket.destroy()
    done()
  }
  const one = (): void => {
    if (stopped) return
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' })
    open.add(socket)
    socket.on('error', () => {})
    socket.on('connect', () =>
      socket.write('GET /yjs/flood-room-0001 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n'),
    )
    socket.on('data', () => {})
    socket.once('close', () => {
      open.delete(socket)
      answered++
      if (answered >= FLOOD_ANSWERS || Date.now() - started > FLOOD_MAX_MS) stop()
      else setImmediate(one)
    })
  }
  for (let i = 0; i < FLOOD_SOCKETS; i++) one()
  return {
    finished,
    stop,
    get answered() {
      return answered
    },
  }
}

/** Resolves true when `run` answers as an honest client expects within the timeout. */
async function within(run: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS)
  try {
    return await run(controller.signal)
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

const pageLoad = () =>
  within(async (signal) => (await fetch(`${server.url}/m/${setup.meetingId}`, { signal })).status === 200)
const apiCall = () =>
  within(async (signal) => {
    const res = await fetch(`${server.url}/api/meetings/${setup.meetingId}/exists`, { signal })
    return res.status === 200 && ((await res.json()) as { exists: boolean }).exists
  })
const roomSocket = () =>
  within(
    (signal) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(
          `${server.url.replace('http', 'ws')}/yjs/${setup.roomId}`,
          roomProtocols(setup.facilitator.token),
        )
        signal.addEventListener('abort', () => {
          ws.terminate()
          resolve(false)
        })
        ws.once('open', () => {
          ws.close()
          resolve(true)
        })
        ws.once('unexpected-response', () => resolve(false))
        ws.once('error', () => resolve(false))
      }),
  )

it('a flood of unfinished upgrades from one address leaves another address served, and the log small', async () => {
  const logBefore = server.output().length
  const attack = flood(server.port)
  try {
    // The flood is in full swing once every one of its sockets has been answered at least once.
    while (attack.answered < FLOOD_SOCKETS * 2) await new Promise((r) => setImmediate(r))
    let served = 0
    for (let i = 0; i < 10; i++) {
      if (await pageLoad()) served++
      if (await apiCall()) served++
      if (await roomSocket()) served++
    }
    console.log(`served ${served} of 30 from 127.0.0.1 during the flood`)
    expect(served, 'of 30 page loads, API calls and room sockets from 127.0.0.1').toBeGreaterThanOrEqual(27)
  } finally {
    await attack.finished
  }
  const answered = attack.answered
  // Stopped here, so its last summary of the lines left out is written (at shutdown).
  await server.stop()
  const logGrowth = server.output().length - logBefore
  expect(logGrowth, `log bytes written during ${answered} refused sockets`).toBeLessThan(5 * 1024 * 1024)
  // Counted, not written line by line: far fewer lines than refusals.
  const refusalLines = server
    .output()
    .slice(logBefore)
    .split('\n')
    .filter((line) => line.includes('"connection refused')).length
  console.log(
    `${answered} flood sockets answered; log grew ${logGrowth} bytes, ${refusalLines} refusal lines`,
  )
  expect(refusalLines).toBeLessThan(answered / 10)
  expect(server.output().slice(logBefore)).toContain('log lines left out')
}, 120_000)
