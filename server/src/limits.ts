import { DEFAULT_ASSET_LIMITS } from '../../shared/assetPolicy'
import { CloseCode, MAX_FRAME_BYTES } from '../../shared/closeCodes'

/**
 * Every connection-level limit of the server, in one place: the defaults, the environment
 * variable that changes each, and what a client over it gets. The README's limits table is
 * written from `LIMIT_SETTINGS`.
 */
export interface Limits {
  /** Largest WebSocket frame in bytes. */
  frameBytes: number
  /** Frames per second one socket may send, sustained (token bucket refill rate). */
  messagesPerSecond: number
  /** Frames one socket may send at once above the sustained rate (token bucket size). */
  messageBurst: number
  /** Open WebSocket connections from one client address at the same time. */
  connectionsPerAddress: number
  /** TCP connections that have not finished their first request yet (server-wide). */
  unauthenticatedSockets: number
  /** How long a new TCP connection may take to finish its first request (upgrade or HTTP). */
  handshakeMs: number
  /** Rooms held in memory; idle empty rooms are freed first when it is reached. */
  rooms: number
  /** Bytes of one presence (awareness) state; each connection has one. */
  presenceStateBytes: number
  /** Refused updates per connection per minute (each makes the room rebuild its trial copy). */
  refusalsPerMinute: number
  /** Characters of text in one board record (a note's text, say). */
  recordTextChars: number
  /** Nesting depth of values in an update (records) and of presence states. */
  nestingDepth: number
  /** Yjs clients one update may write for. */
  clientsPerUpdate: number
  /** People in one meeting at the same time (removed ones do not count). */
  participantsPerMeeting: number

  // Budgets for everything that costs (issue 16).
  /** TCP connections from one client address that have not finished their first request. */
  unfinishedPerAddress: number
  /** Meetings, groups, free boards and imports one address may make per hour, sustained. */
  createsPerHour: number
  /** Of those, how many at once above the sustained rate (token bucket size). */
  createBurst: number
  /** Bytes of one export file to import. */
  importBytes: number
  /** Bytes of one image asset (its inline data). */
  assetBytes: number
  /** Bytes of all image assets of one meeting together. */
  meetingAssetBytes: number
  /** Presence bytes per second one participant may send, over all their sockets. */
  presenceBytesPerSecond: number
  /** Log lines of one kind per second (a flood is counted, not written line by line). */
  logLinesPerSecond: number
}

/**
 * Why these numbers:
 * - messages: an honest client sends one update per store flush while dragging or drawing, and
 *   tldraw flushes at most 120 times a second (its FpsScheduler; about 139 with its timing slack,
 *   whatever the screen's refresh rate), plus its cursor at 20 Hz (PRESENCE_INTERVAL_MS): at most
 *   about 160 frames a second. 200 a second sustained leaves room for that; a burst of 600
 *   absorbs frames bunched by a network stall of a few seconds.
 * - connections: an office behind one NAT address; 50 people with one board tab each.
 * - unauthenticated sockets and handshake: an honest client sends its request headers within
 *   milliseconds; 10 s allows slow mobile links, and 512 half-open connections cost little memory.
 * - rooms: an empty room costs about its document size; 2000 rooms of a few hundred KB stays
 *   well under a gigabyte.
 * - presence: tldraw's presence (cursor, selection, camera, name) is well under 2 KB; 16 KB
 *   allows a selection of a few hundred notes. One state per connection.
 * - refusals: an honest client is refused when a phase moves on under an edit and starts over;
 *   30 a minute is far above that, and bounds the rebuilds a hostile client can cause.
 * - record text: a note of a page and a half; the frame limit would allow 1 MiB.
 * - nesting: tldraw's rich text nests about ten deep; 64 leaves room for nested lists.
 * - clients per update: an honest client writes for itself (one client, more only after
 *   reconnecting with others' changes the server lost).
 * - unfinished per address: a browser opens at most six connections to a host at once, plus its
 *   room socket; 32 lets an office behind one NAT address load the page together, and keeps one
 *   address from filling the server-wide 512 (the rest stay for everyone else).
 * - creations: a facilitator makes a few meetings a week; 60 an hour with 20 at once lets an
 *   office behind one address prepare a day's meetings, and bounds what a script can fill disk with.
 * - import: a group's whole history with its pictures; larger files are refused unread.
 * - assets: a pasted photo is scaled down by the board to well under a megabyte; every joiner
 *   downloads every asset of the meeting, so their total is what a join costs (10 MiB).
 * - presence bytes: a cursor at 20 Hz with a selection is a few KB a second; 64 KB a second per
 *   participant allows a few tabs, and bounds what one participant makes the server send to all.
 * - log lines: 20 lines of one kind a second (burst of 10 seconds' worth) keeps a flood of
 *   refusals to a counted summary instead of megabytes.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  frameBytes: MAX_FRAME_BYTES,
  messagesPerSecond: 200,
  messageBurst: 600,
  connectionsPerAddress: 50,
  unauthenticatedSockets: 512,
  handshakeMs: 10_000,
  rooms: 2000,
  presenceStateBytes: 16 * 1024,
  refusalsPerMinute: 30,
  recordTextChars: 10_000,
  nestingDepth: 64,
  clientsPerUpdate: 1000,
  // An intervisie group is 4 to 12 people; 50 leaves room for a training day with observers and
  // stops one invite link from filling a meeting (and its participants panel) with hundreds.
  participantsPerMeeting: 50,

  // Budgets for everything that costs (issue 16).
  unfinishedPerAddress: 32,
  createsPerHour: 60,
  createBurst: 20,
  importBytes: 10 * 1024 * 1024,
  assetBytes: DEFAULT_ASSET_LIMITS.maxAssetBytes,
  meetingAssetBytes: DEFAULT_ASSET_LIMITS.maxMeetingAssetBytes,
  presenceBytesPerSecond: 64 * 1024,
  logLinesPerSecond: 20,
}

/** One row of the limits table: the setting and what a client over the limit gets. */
export interface LimitSetting {
  key: keyof Limits
  env: string
  /** What happens over the limit, as the README states it. */
  over: string
}

export const LIMIT_SETTINGS: readonly LimitSetting[] = [
  { key: 'frameBytes', env: 'LIMIT_FRAME_BYTES', over: `close ${CloseCode.tooBig}` },
  {
    key: 'messagesPerSecond',
    env: 'LIMIT_MESSAGES_PER_SECOND',
    over: `close ${CloseCode.tooManyMessages}`,
  },
  { key: 'messageBurst', env: 'LIMIT_MESSAGE_BURST', over: `close ${CloseCode.tooManyMessages}` },
  { key: 'connectionsPerAddress', env: 'LIMIT_CONNECTIONS_PER_ADDRESS', over: 'HTTP 429 before the upgrade' },
  {
    key: 'unauthenticatedSockets',
    env: 'LIMIT_UNAUTHENTICATED_SOCKETS',
    over: 'HTTP 503 and the connection closed',
  },
  { key: 'handshakeMs', env: 'LIMIT_HANDSHAKE_MS', over: 'HTTP 408 and the connection closed' },
  { key: 'rooms', env: 'LIMIT_ROOMS', over: 'idle rooms freed first, else HTTP 503 before the upgrade' },
  {
    key: 'presenceStateBytes',
    env: 'LIMIT_PRESENCE_STATE_BYTES',
    over: `close ${CloseCode.malformedMessage}`,
  },
  {
    key: 'refusalsPerMinute',
    env: 'LIMIT_REFUSALS_PER_MINUTE',
    over: `close ${CloseCode.tooManyRefusals}`,
  },
  { key: 'recordTextChars', env: 'LIMIT_RECORD_TEXT_CHARS', over: 'update refused (message 100), meetings' },
  {
    key: 'nestingDepth',
    env: 'LIMIT_NESTING_DEPTH',
    over: `close ${CloseCode.badUpdate} (presence: ${CloseCode.malformedMessage})`,
  },
  { key: 'clientsPerUpdate', env: 'LIMIT_CLIENTS_PER_UPDATE', over: `close ${CloseCode.badUpdate}` },
  {
    key: 'participantsPerMeeting',
    env: 'LIMIT_PARTICIPANTS_PER_MEETING',
    over: 'join refused: HTTP 409 `meeting_full`',
  },

  // Budgets for everything that costs (issue 16).
  {
    key: 'unfinishedPerAddress',
    env: 'LIMIT_UNFINISHED_PER_ADDRESS',
    over: 'HTTP 429 and the connection closed (not with TRUST_PROXY)',
  },
  { key: 'createsPerHour', env: 'LIMIT_CREATES_PER_HOUR', over: 'HTTP 429 `too_many_creations`' },
  { key: 'createBurst', env: 'LIMIT_CREATE_BURST', over: 'HTTP 429 `too_many_creations`' },
  { key: 'importBytes', env: 'LIMIT_IMPORT_BYTES', over: 'HTTP 400 `import_too_large`, unread' },
  { key: 'assetBytes', env: 'LIMIT_ASSET_BYTES', over: 'update refused (message 100), meetings' },
  {
    key: 'meetingAssetBytes',
    env: 'LIMIT_MEETING_ASSET_BYTES',
    over: 'update refused (message 100), meetings',
  },
  {
    key: 'presenceBytesPerSecond',
    env: 'LIMIT_PRESENCE_BYTES_PER_SECOND',
    over: 'presence held back; only the latest state goes on as the budget refills',
  },
  { key: 'logLinesPerSecond', env: 'LIMIT_LOG_LINES_PER_SECOND', over: 'lines counted, one summary line' },
]

/** The limits from the environment; unset variables keep their default. Throws on a bad value. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS }
  for (const { key, env: name } of LIMIT_SETTINGS) {
    const raw = env[name]
    if (raw === undefined || raw.trim() === '') continue
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`)
    }
    limits[key] = value
  }
  return limits
}

/**
 * Largest JSON body of an API request. The biggest honest one is a zone's sealed drafts
 * (DRAFT_LIMITS: 30 notes of at most 24,000 characters each, about 720 KB).
 */
export const API_BODY_LIMIT_BYTES = 1024 * 1024
