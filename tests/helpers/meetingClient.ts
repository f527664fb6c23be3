import type * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { roomProtocols } from '../../shared/roomHandshake'
import { REFUSED_MESSAGE, type Refusal, readRefusal } from '../../shared/wire'
import { connectClient, type TestClient, waitForSync } from './yjsClient'

/** Calls the meeting API as a browser would (JSON over fetch). */
export async function api<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
) {
  const res = await fetch(`${base}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

export interface MeetingSetup {
  meetingId: string
  roomId: string
  facilitatorSecret: string
  inviteSecret: string
  facilitator: { token: string; id: string }
}

export async function createMeeting(base: string, templateId: string): Promise<MeetingSetup> {
  const created = await api<{ meetingId: string; facilitatorPath: string; invitePath: string }>(
    base,
    '/meetings',
    {
      body: { templateId, title: 'Teamintervisie' },
    },
  )
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`)
  const facilitatorSecret = created.body.facilitatorPath.split('#begeleider=')[1]!
  const inviteSecret = created.body.invitePath.split('#uitnodiging=')[1]!
  const meetingId = created.body.meetingId
  const fac = await api<{ token: string; participant: { id: string } }>(
    base,
    `/meetings/${meetingId}/facilitate`,
    {
      body: { secret: facilitatorSecret, name: 'Bea Begeleider' },
    },
  )
  return {
    meetingId,
    roomId: `m-${meetingId}`,
    facilitatorSecret,
    inviteSecret,
    facilitator: { token: fac.body.token, id: fac.body.participant.id },
  }
}

export async function joinMeeting(base: string, setup: MeetingSetup, name: string) {
  const joined = await api<{ token: string; participant: { id: string } }>(
    base,
    `/meetings/${setup.meetingId}/join`,
    {
      body: { secret: setup.inviteSecret, name },
    },
  )
  if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`)
  return { token: joined.body.token, id: joined.body.participant.id }
}

export async function command(base: string, setup: MeetingSetup, body: unknown) {
  const res = await api<unknown>(base, `/meetings/${setup.meetingId}/commands`, {
    body,
    token: setup.facilitator.token,
  })
  if (res.status !== 200) throw new Error(`command failed: ${JSON.stringify(res.body)}`)
}

/**
 * A stock y-websocket client that, like ours, starts over from the server's state when the server
 * refuses one of its updates: it cannot roll a Yjs change back, so it drops its document and
 * connects again with a fresh one (a new Yjs client id).
 */
export class ResettingClient {
  current: TestClient
  readonly refusals: Refusal[] = []
  /** Bytes received by every document this client had, to search for leaked content. */
  private readonly earlier: Buffer[] = []

  constructor(
    private readonly base: string,
    private readonly roomId: string,
    private readonly token: string,
  ) {
    this.current = this.connect()
  }

  private connect(): TestClient {
    const client = connectClient(this.base, this.roomId, { token: this.token })
    client.provider.messageHandlers[REFUSED_MESSAGE] = (_encoder, decoder: decoding.Decoder) => {
      this.refusals.push(readRefusal(decoder))
      // Reset outside the message handler: the provider is still dispatching.
      setTimeout(() => this.reset(), 0)
    }
    return client
  }

  private reset(): void {
    this.earlier.push(this.current.received())
    this.current.destroy()
    this.current = this.connect()
  }

  received(): Buffer {
    return Buffer.concat([...this.earlier, this.current.received()])
  }

  async synced(): Promise<void> {
    await waitForSync(this.current)
  }

  destroy(): void {
    this.current.destroy()
  }
}

/** Whether two docs hold the same content (the same state vectors and the same records). */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d)).toString('hex')
  return sv(a) === sv(b)
}

export interface UpgradeOptions {
  /** A session token, offered in Sec-WebSocket-Protocol as our client does. */
  token?: string
  /** Subprotocols to offer instead (raw), for tests of the handshake itself. */
  protocols?: string[]
  headers?: Record<string, string>
}

/** Status of a WebSocket upgrade attempt, and the body of a refusal. */
export function upgradeStatus(
  url: string,
  options: UpgradeOptions = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options.protocols ?? roomProtocols(options.token), {
      ...(options.headers ? { headers: options.headers } : {}),
    })
    ws.once('open', () => {
      ws.close()
      resolve({ status: 101, body: '' })
    })
    ws.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (d) => {
        body += d
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    ws.once('error', () => {})
  })
}
