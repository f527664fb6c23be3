import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Template } from '../../shared/templateSchema'
import { MEETING_ROOM_PREFIX, meetingRoomId, type Refusal } from '../../shared/wire'
import { createApp } from './app'
import type { RedisCluster } from './cluster/redisCluster'
import type { ServerConfig } from './config'
import { DraftService } from './drafts/draftService'
import { ReflectionService } from './drafts/reflectionService'
import { AttendanceRecorder } from './groups/attendanceRecorder'
import { GroupExporter } from './groups/groupExport'
import { GroupImporter } from './groups/groupImport'
import { GroupRetention } from './groups/groupRetention'
import { GroupService } from './groups/groupService'
import { CreationBudget } from './http/creationBudget'
import { ImportParser } from './imports/importParser'
import { ActivityTracker } from './lifecycle/activityTracker'
import { FreeBoards } from './lifecycle/freeBoards'
import { MeetingExporter } from './lifecycle/meetingExport'
import { MeetingImporter } from './lifecycle/meetingImport'
import { MeetingRetention } from './lifecycle/meetingRetention'
import { closeMissedBoardErasures } from './lifecycle/missedBoardErasures'
import { RetentionSweep, type SweepResult } from './lifecycle/retentionSweep'
import type { Limits } from './limits'
import { createServerLog } from './logging/serverLog'
import { AwarenessIdentity } from './meetings/awarenessIdentity'
import { LOCAL_MEETING_BUS } from './meetings/meetingBus'
import { MeetingGuard } from './meetings/meetingGuard'
import { MEETING_GONE, MeetingService } from './meetings/meetingService'
import { MeetingState } from './meetings/meetingState'
import { DEFAULT_AWARENESS_LIMITS } from './rooms/awarenessFrame'
import type { RoomOptions } from './rooms/roomOptions'
import { RoomRegistry } from './rooms/roomRegistry'
import { attachRoomSockets, type Handshake, type UpgradeDecision } from './rooms/roomSockets'
import { DEFAULT_UPDATE_LIMITS } from './rooms/updateScan'
import { openStorage } from './storage/openStorage'
import { BUILTIN_TEMPLATES_DIR, loadTemplates } from './templates/loadTemplates'

/** Said to a writer whose instance cannot confirm it holds the meeting's current state. */
const STALE: Refusal = {
  code: 'unavailable',
  nl: 'De server kon niet bevestigen dat hij de actuele stand van de bijeenkomst heeft; je wijziging is niet doorgevoerd. Probeer het zo opnieuw.',
  en: 'The server could not confirm it holds the meeting’s current state; your change was not applied. Try again shortly.',
}

export interface RunningServer {
  port: number
  registry: RoomRegistry
  meetings: MeetingService
  /** Runs the retention sweep now (it also runs at start and every hour). */
  sweep(): Promise<SweepResult>
  close(): Promise<void>
}

/** What a test may replace: the clock every retention decision and meeting time is read from. */
export interface ServerHooks {
  now?: () => number
}

export type Log = (line: string, fields?: Record<string, unknown>) => void

const defaultLog: Log = (line, fields) =>
  console.log(JSON.stringify({ t: new Date().toISOString(), msg: line, ...fields }))

/** The per-room part of the limits (the rest applies on the socket). */
function roomLimitsFrom(limits: Limits): RoomOptions {
  return {
    refusalsPerMinute: limits.refusalsPerMinute,
    presenceBytesPerSecond: limits.presenceBytesPerSecond,
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
  write: Log = defaultLog,
  hooks: ServerHooks = {},
): Promise<RunningServer> {
  const now = hooks.now ?? Date.now
  // Every line through one gate: rate-limited per kind, free boards' links hashed (logging/).
  const log = createServerLog(write, { linesPerSecond: config.limits.logLinesPerSecond })
  const loaded = await loadTemplates([
    BUILTIN_TEMPLATES_DIR,
    ...(config.templatesDir ? [config.templatesDir] : []),
  ])
  for (const error of loaded.errors) log('template refused', { file: error.file, problems: error.messages })
  const templates = new Map<string, Template>(loaded.templates.map((t) => [t.id, t]))
  log('templates loaded', { count: templates.size, refused: loaded.errors.length })

  const storage = await openStorage({ dataDir: config.dataDir, postgres: config.postgres, keys: config.keys })
  log('storage opened', { storage: storage.describe })
  let cluster: RedisCluster | null = null
  if (config.redis) {
    try {
      // Loaded only here: one instance (the default) never loads the Redis client.
      const { RedisCluster } = await import('./cluster/redisCluster')
      cluster = await RedisCluster.connect({ ...config.redis, log })
    } catch (error) {
      await cluster?.close()
      await storage.close()
      throw error
    }
    log('several instances: rooms shared through redis', { instance: cluster.instanceId })
  }
  // Built in one direction: meeting state, then rooms (whose guards read it), then the service.
  const state = new MeetingState(storage.meetings, () => templates, storage.drafts)
  const roomLimits = roomLimitsFrom(config.limits)
  // Meeting rooms are made with their meeting: a late touch must not bring an erased one back.
  const activity = new ActivityTracker(
    (roomId, at) => storage.rooms.touch(roomId, at, { create: !roomId.startsWith(MEETING_ROOM_PREFIX) }),
    now,
    log,
  )
  const registry = new RoomRegistry(storage.rooms, {
    idleMs: config.roomIdleMs,
    maxRooms: config.limits.rooms,
    log,
    roomOptions: (roomId) => {
      const onActivity = () => activity.touch(roomId)
      if (!roomId.startsWith(MEETING_ROOM_PREFIX))
        return { ...roomLimits, peers: cluster ?? undefined, onActivity }
      const meetingId = roomId.slice(MEETING_ROOM_PREFIX.length)
      return {
        ...roomLimits,
        peers: cluster ?? undefined,
        onActivity,
        createInStorage: false,
        prepare: async () => {
          await state.load(meetingId)
        },
        guard: (room) =>
          new MeetingGuard(
            state,
            meetingId,
            room,
            {
              maxRecordTextChars: config.limits.recordTextChars,
              maxAssetBytes: config.limits.assetBytes,
              maxMeetingAssetBytes: config.limits.meetingAssetBytes,
            },
            {
              claims: storage.claims,
              stale: cluster ? () => (cluster?.current() ? null : STALE) : undefined,
              now,
            },
          ),
        awarenessFilter: new AwarenessIdentity(state),
      }
    },
  })
  const bus = cluster ?? LOCAL_MEETING_BUS
  const boards = new FreeBoards(registry, activity, bus)
  const drafts = new DraftService(storage.drafts, state, registry)
  const meetings = new MeetingService(
    storage.meetings,
    state,
    registry,
    () => templates,
    bus,
    now,
    drafts,
    config.limits.participantsPerMeeting,
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
  meetings.setMemberDirectory(groups)
  const attendance = new AttendanceRecorder(storage.groups, log, now)
  // Another instance changed or erased a meeting: in force here before it confirms.
  cluster?.onMeeting(
    async (kind, id) => {
      if (kind === 'changed') {
        await state.reload(id)
        // Someone removed on the other instance: their connections here close too, before it confirms.
        meetings.closeRemovedConnections(id)
        return
      }
      // A free board: `id` is its room id.
      if (kind === 'boardErased' || kind === 'boardExpired') {
        await boards.erasedElsewhere(id, kind === 'boardExpired' ? 'retention' : 'link')
        return
      }
      const [code, reason] = MEETING_GONE[kind === 'expired' ? 'retention' : 'facilitator']
      await registry.evict(meetingRoomId(id), code, reason)
      state.forget(id)
    },
    // After a lapse or a lost message: every meeting held is read again; an erased one is closed.
    async () => {
      for (const id of state.meetingIds()) {
        if (await state.load(id)) {
          meetings.closeRemovedConnections(id)
          continue
        }
        const [code, reason] = MEETING_GONE.facilitator
        await registry.evict(meetingRoomId(id), code, reason)
      }
      await closeMissedBoardErasures({ registry, rooms: storage.rooms, boards, now })
    },
  )
  const exporter = new MeetingExporter(storage.meetings, registry, () => templates, now)
  const importer = new MeetingImporter(
    storage.imports,
    () => templates,
    {
      load: (id) => state.load(id),
      publish: (id) => meetings.publish(id),
      discard: (id) => meetings.expire(id),
    },
    config.retention,
    now,
    config.limits.recordTextChars,
  )
  const importParser = new ImportParser()
  const lifecycle = {
    imports: { access: config.imports, maxBytes: config.limits.importBytes, parser: importParser },
    retention: new MeetingRetention(storage.meetings, storage.rooms, config.retention, storage.groups),
    exporter,
    importer,
    group: {
      exporter: new GroupExporter(storage.groups, exporter, groups, now),
      importer: new GroupImporter(storage.groups, importer, config.retention, now),
      retention: new GroupRetention(storage.groups, config.retention),
    },
  }
  const retentionSweep = new RetentionSweep({
    meetings: storage.meetings,
    rooms: storage.rooms,
    groups: storage.groups,
    expireGroup: (groupId) => groups.expire(groupId),
    expireMeeting: (meetingId) => meetings.expire(meetingId),
    expireBoard: (roomId) => boards.expire(roomId),
    policy: config.retention,
    now,
    log,
  })
  const creations = new CreationBudget(
    config.limits.createsPerHour,
    config.limits.createBurst,
    config.trustProxy,
  )
  const app = createApp({
    config,
    meetings,
    lifecycle,
    boards,
    drafts,
    reflections: new ReflectionService(storage.drafts, storage.meetings, groups, now),
    groups,
    templates: () => templates,
    creations,
  })

  const authorize = async (roomId: string, { token, req }: Handshake): Promise<UpgradeDecision> => {
    if (!roomId.startsWith(MEETING_ROOM_PREFIX)) {
      // Opening a free board that does not exist makes it: that costs a token of the address's budget.
      if (!registry.peek(roomId) && (await storage.rooms.lastActivity(roomId)) === null) {
        const retryAfter = creations.spend(req)
        if (retryAfter !== null) {
          return {
            ok: false,
            status: 429,
            message: `Too many new boards from your address; try again in ${retryAfter} s.`,
          }
        }
      }
      return { ok: true, identity: null }
    }
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
  retentionSweep.start()

  return {
    port,
    registry,
    meetings,
    sweep: () => retentionSweep.sweep(),
    async close() {
      await retentionSweep.stop()
      sockets.close()
      await registry.closeAll()
      await new Promise<void>((resolve) => httpServer.close(() => resolve()))
      await cluster?.close()
      await importParser.close()
      await storage.close()
      log.close()
    },
  }
}
