import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { CloseCode } from '../../templates/src/closeCodes'
import type { Template } from '../../templates/src/schema'
import { MEETING_ROOM_PREFIX, meetingRoomId } from '../../templates/src/wire'
import { createApp } from './app'
import { RedisCluster } from './cluster/redisCluster'
import type { ServerConfig } from './config'
import { AttendanceRecorder } from './groups/attendanceRecorder'
import { GroupService } from './groups/groupService'
import type { Limits } from './limits'
import { AwarenessIdentity } from './meetings/awarenessIdentity'
import { LOCAL_MEETING_BUS } from './meetings/meetingBus'
import { MeetingGuard } from './meetings/meetingGuard'
import { MeetingService } from './meetings/meetingService'
import { MeetingState } from './meetings/meetingState'
import { DEFAULT_AWARENESS_LIMITS } from './rooms/awarenessFrame'
import type { RoomOptions } from './rooms/room'
import { RoomRegistry } from './rooms/roomRegistry'
import { attachRoomSockets, type Handshake, type UpgradeDecision } from './rooms/roomSockets'
import { DEFAULT_UPDATE_LIMITS } from './rooms/updateScan'
import { openStorage } from './storage/openStorage'
import { BUILTIN_TEMPLATES_DIR, loadTemplates } from './templates/loadTemplates'

export interface RunningServer {
  port: number
  registry: RoomRegistry
  meetings: MeetingService
  close(): Promise<void>
}

export type Log = (line: string, fields?: Record<string, unknown>) => void

const defaultLog: Log = (line, fields) =>
  console.log(JSON.stringify({ t: new Date().toISOString(), msg: line, ...fields }))

/** The per-room part of the limits (the rest applies on the socket). */
function roomLimitsFrom(limits: Limits): RoomOptions {
  return {
    refusalsPerMinute: limits.refusalsPerMinute,
    updateLimits: {
      ...DEFAULT_UPDATE_LIMITS,
      maxDepth: limits.nestingDepth,
      maxSections: limits.clientsPerUpdate,
    },
    awarenessLimits: {
      ...DEFAULT_AWARENESS_LIMITS,
      maxStateBytes: limits.presenceStateBytes,
      maxDepth: Math.min(DEFAULT_AWARENESS_LIMITS.maxDepth, limits.nestingDepth),
    },
  }
}

/** Wires storage, templates, meetings, rooms, the HTTP app and the WebSocket upgrade, and listens. */
export async function startServer(
  config: ServerConfig,
  log: Log = defaultLog,
  /** The clock meetings, groups and attendance go by; tests pass their own. */
  now: () => number = Date.now,
): Promise<RunningServer> {
  const loaded = await loadTemplates([
    BUILTIN_TEMPLATES_DIR,
    ...(config.templatesDir ? [config.templatesDir] : []),
  ])
  for (const error of loaded.errors) log('template refused', { file: error.file, problems: error.messages })
  const templates = new Map<string, Template>(loaded.templates.map((t) => [t.id, t]))
  log('templates loaded', { count: templates.size, refused: loaded.errors.length })

  const storage = await openStorage({ dataDir: config.dataDir, postgres: config.postgres })
  log('storage opened', { storage: storage.describe })
  let cluster: RedisCluster | null = null
  if (config.redis) {
    try {
      cluster = await RedisCluster.connect({ ...config.redis, log })
    } catch (error) {
      await cluster?.close()
      await storage.close()
      throw error
    }
    log('several instances: rooms shared through redis', { instance: cluster.instanceId })
  }
  // Built in one direction: meeting state, then rooms (whose guards read it), then the service.
  const state = new MeetingState(storage.meetings, () => templates)
  const roomLimits = roomLimitsFrom(config.limits)
  const registry = new RoomRegistry(storage.rooms, {
    idleMs: config.roomIdleMs,
    maxRooms: config.limits.rooms,
    log,
    roomOptions: (roomId) => {
      if (!roomId.startsWith(MEETING_ROOM_PREFIX)) return { ...roomLimits, peers: cluster ?? undefined }
      const meetingId = roomId.slice(MEETING_ROOM_PREFIX.length)
      return {
        ...roomLimits,
        peers: cluster ?? undefined,
        createInStorage: false,
        prepare: async () => {
          await state.load(meetingId)
        },
        guard: (room) =>
          new MeetingGuard(state, meetingId, room, { maxRecordTextChars: config.limits.recordTextChars }),
        awarenessFilter: new AwarenessIdentity(state),
      }
    },
  })
  const meetings = new MeetingService(
    storage.meetings,
    state,
    registry,
    () => templates,
    cluster ?? LOCAL_MEETING_BUS,
    now,
  )
  const groups = new GroupService(
    storage.groups,
    storage.meetings,
    meetings,
    registry,
    () => templates,
    now,
    log,
  )
  const attendance = new AttendanceRecorder(storage.groups, log, now)
  // Another instance changed or erased a meeting: in force here before it confirms.
  cluster?.onMeeting(async (kind, meetingId) => {
    if (kind === 'changed') {
      await state.reload(meetingId)
      return
    }
    await registry.evict(
      meetingRoomId(meetingId),
      CloseCode.meetingErased,
      'meeting erased by the facilitator',
    )
    state.forget(meetingId)
  })
  const app = createApp({ config, meetings, groups, templates: () => templates })

  const authorize = async (roomId: string, { token }: Handshake): Promise<UpgradeDecision> => {
    if (!roomId.startsWith(MEETING_ROOM_PREFIX)) return { ok: true, identity: null }
    const meetingId = roomId.slice(MEETING_ROOM_PREFIX.length)
    const participant = await meetings.authenticate(token, meetingId)
    // The same answer whether the meeting exists or not.
    if (!participant) return { ok: false, status: 401, message: 'Unknown or expired session for this room.' }
    return { ok: true, identity: { participantId: participant.id, meetingId } }
  }

  const httpServer = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    )
  })
  const sockets = attachRoomSockets(httpServer, registry, {
    log,
    authorize,
    limits: config.limits,
    publicOrigin: config.publicOrigin,
    trustProxy: config.trustProxy,
    connections: attendance,
  })
  const port = (httpServer.address() as AddressInfo).port

  return {
    port,
    registry,
    meetings,
    async close() {
      sockets.close()
      await registry.closeAll()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
      await cluster?.close()
      await storage.close()
    },
  }
}
