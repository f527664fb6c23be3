import { isValidRoomId } from './roomId'

/** A meeting link's secret and the kind of link it came in (`#begeleider=` or `#uitnodiging=`). */
export type LinkSecret = {
  kind: 'facilitator' | 'invite'
  secret: string
  /** The meeting key that came with it (`&sleutel=`), carried along to the meeting page. */
  key?: string
}

/** What someone pasted into the open box, read without asking anyone. */
export type PastedLink =
  | { kind: 'board'; roomId: string }
  | { kind: 'meeting'; meetingId: string; secret: LinkSecret | null }
  /** A bare 22-character id: a free board's or a meeting's, which only the server can tell. */
  | { kind: 'code'; code: string }
  | { kind: 'problem'; problem: LinkProblem }

/** Why a paste could not be read; each has a sentence saying what was expected. */
export type LinkProblem = 'empty' | 'badMeetingId' | 'cutSecret' | 'badBoardId' | 'unknown'

/** Meeting ids and link secrets as the server makes them (128 and 256 random bits, base64url). */
export const MEETING_ID_LENGTH = 22
export const SECRET_LENGTH = 43
const FRAGMENT_NAMES = { facilitator: 'begeleider', invite: 'uitnodiging' } as const
const BASE64URL = /^[A-Za-z0-9_-]+$/

/**
 * Reads a pasted link or code. It accepts what people actually paste: a whole link from any host
 * (a colleague's address bar, a staging server), with or without `https://`, a bare path, a
 * link whose `#` and `=` a mail program escaped, a link wrapped in a safe-links redirect, angle
 * brackets, quotes or a full stop after it, and a bare code.
 */
export function parsePastedLink(input: string): PastedLink {
  const text = unwrap(input)
  if (!text) return problem('empty')
  if (BASE64URL.test(text)) return bareCode(text)
  const path = /\/(m|b)\/([A-Za-z0-9_-]*)/.exec(text)
  if (!path) return problem('unknown')
  const id = path[2] ?? ''
  if (path[1] === 'b') return isValidRoomId(id) ? { kind: 'board', roomId: id } : problem('badBoardId')
  if (id.length !== MEETING_ID_LENGTH) return problem('badMeetingId')
  const rest = text.slice(path.index + path[0].length)
  const secret = /[#&?](begeleider|uitnodiging)=([A-Za-z0-9_-]*)/.exec(rest)
  if (!secret) return { kind: 'meeting', meetingId: id, secret: null }
  if (secret[2]?.length !== SECRET_LENGTH) return problem('cutSecret')
  const kind = secret[1] === FRAGMENT_NAMES.facilitator ? 'facilitator' : 'invite'
  const key = /[#&?]sleutel=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(rest)?.[1]
  return { kind: 'meeting', meetingId: id, secret: { kind, secret: secret[2], ...(key ? { key } : {}) } }
}

/** The secret in a meeting page's `#fragment`, as it is (the server judges it). */
export function fragmentSecret(hash: string): LinkSecret | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const facilitator = params.get(FRAGMENT_NAMES.facilitator)
  if (facilitator) return { kind: 'facilitator', secret: facilitator }
  const invite = params.get(FRAGMENT_NAMES.invite)
  if (invite) return { kind: 'invite', secret: invite }
  return null
}

/** The path that opens a meeting, with its secret in the fragment (never sent to a server). */
export function meetingPath(meetingId: string, secret: LinkSecret | null = null): string {
  const base = `/m/${meetingId}`
  if (!secret) return base
  const path = `${base}#${FRAGMENT_NAMES[secret.kind]}=${secret.secret}`
  return secret.key ? `${path}&sleutel=${secret.key}` : path
}

function bareCode(text: string): PastedLink {
  // The room of a meeting is named m-<id>; someone may have copied that.
  if (text.startsWith('m-') && text.length === MEETING_ID_LENGTH + 2)
    return { kind: 'meeting', meetingId: text.slice(2), secret: null }
  if (text.length === MEETING_ID_LENGTH) return { kind: 'code', code: text }
  return isValidRoomId(text) ? { kind: 'board', roomId: text } : problem('unknown')
}

/** Trims, drops wrapping (`<…>`, quotes) and undoes a mail program's escaping. */
function unwrap(input: string): string {
  let text = input.trim().replace(/^[<"'‘“(]+|[>"'’”)]+$/g, '')
  for (let i = 0; i < 2 && /%(2F|23|3D|26)/i.test(text); i++) {
    try {
      text = decodeURIComponent(text)
    } catch {
      break
    }
  }
  // A full stop or comma after a link that ended a sentence.
  return text.trim().replace(/[.,;:!?]+$/, '')
}

function problem(problem: LinkProblem): PastedLink {
  return { kind: 'problem', problem }
}
