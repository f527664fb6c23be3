import { randomBytes } from 'node:crypto'
import { createMeeting, joinMeeting } from '../tests/helpers/meetingClient'
import { noteRecord } from '../tests/helpers/records'
import type { Endpoint } from './connection'
import type { RunningServer, ServerKind } from './servers'

/** A column of the table: a server, and for ours whether rooms are free boards or meetings. */
export type TargetName = 'ours' | 'ours-meeting' | 'ours-pair' | 'y-websocket' | 'hocuspocus'

export interface Target {
  name: TargetName
  kind: ServerKind
  /** Rooms are meetings (session token in Sec-WebSocket-Protocol, the guard judges every update). */
  meeting: boolean
  label: string
  /** Processes of our server sharing Postgres and Redis (one per core); absent: one process. */
  instances?: number
}

export const TARGETS: Record<TargetName, Target> = {
  ours: { name: 'ours', kind: 'ours', meeting: false, label: 'ours, free board' },
  'ours-meeting': { name: 'ours-meeting', kind: 'ours', meeting: true, label: 'ours, meeting (guard on)' },
  'ours-pair': {
    name: 'ours-pair',
    kind: 'ours',
    meeting: false,
    label: 'ours, 2 instances (Postgres + Redis)',
    instances: 2,
  },
  'y-websocket': { name: 'y-websocket', kind: 'y-websocket', meeting: false, label: 'y-websocket 1.5.4' },
  hocuspocus: { name: 'hocuspocus', kind: 'hocuspocus', meeting: false, label: 'Hocuspocus 4.7' },
}

/** Someone in a room: how to connect, and whose notes they write. */
export interface Member {
  endpoint: Endpoint
  authorId: string
}

/** A room ready to join: the first member is the writer (in a meeting, the facilitator). */
export interface RoomAccess {
  name: string
  writer: Member
  members: Member[]
}

/**
 * Opens a room for `members` members besides the writer. Free boards and the peers: a fresh
 * random name. Meetings: a new meeting through the API, the facilitator as the writer (who may
 * add and move notes in the free area in every phase), everyone else joined with the invite.
 */
export async function openRoom(server: RunningServer, target: Target, members: number): Promise<RoomAccess> {
  if (!target.meeting) {
    const name = `bench${randomBytes(9).toString('base64url')}`
    const member = (i: number): Member => ({ endpoint: server.endpoint(name), authorId: `bench-${i}` })
    return { name, writer: member(0), members: Array.from({ length: members }, (_, i) => member(i + 1)) }
  }
  const setup = await createMeeting(server.base, 'roddelmethode')
  const joined: Member[] = []
  for (let i = 0; i < members; i++) {
    const p = await joinMeeting(server.base, setup, `Deelnemer ${i + 1}`)
    joined.push({ endpoint: server.endpoint(setup.roomId, p.token), authorId: p.id })
  }
  return {
    name: setup.roomId,
    writer: {
      endpoint: server.endpoint(setup.roomId, setup.facilitator.token),
      authorId: setup.facilitator.id,
    },
    members: joined,
  }
}

/** Far outside every zone of the methods' boards: the free area. */
export const FREE_AREA = { x: -40_000, y: -40_000 }

/** A tldraw note as the editor makes it (validated by tldraw's schema), placed in the free area. */
export function benchNote(id: string, authorId: string, i: number, text = `Notitie ${i}`) {
  return noteRecord({
    id,
    x: FREE_AREA.x + (i % 40) * 220,
    y: FREE_AREA.y + Math.floor(i / 40) * 220,
    authorId,
    text,
  })
}

/**
 * A tldraw instance presence of the usual size (about 400 bytes of JSON), as our client puts in
 * awareness under `presence`; its only `"x":0,"y":0` is the cursor, which LoadClient moves.
 */
export function presenceJson(userId: string): string {
  return JSON.stringify({
    presence: {
      id: `instance_presence:${userId}`,
      typeName: 'instance_presence',
      userId: `user:${userId}`,
      userName: 'Deelnemer',
      lastActivityTimestamp: 1_760_000_000_000,
      color: '#4ba1f1',
      camera: { x: -120, y: -80, z: 1 },
      selectedShapeIds: [],
      currentPageId: 'page:page',
      brush: null,
      scribbles: [],
      screenBounds: { x: 16, y: 16, w: 1440, h: 900 },
      followingUserId: null,
      cursor: { x: 0, y: 0, type: 'default', rotation: 0 },
      chatMessage: '',
      meta: {},
    },
  })
}
