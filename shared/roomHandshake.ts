/**
 * How a client proves who it is when it opens a room socket, shared by client and server.
 *
 * The session token travels in `Sec-WebSocket-Protocol`, never in the URL (proxies and access
 * logs keep URLs). The client offers two subprotocols: `ROOM_PROTOCOL` and
 * `token.<base64url of the token>`; the server answers with `ROOM_PROTOCOL` alone, so the token
 * is never echoed back.
 */

/** The subprotocol the server answers with. */
export const ROOM_PROTOCOL = 'intervisiebord'

const TOKEN_PREFIX = 'token.'
/** Our tokens are 43 characters; anything far longer is not one of ours (and not worth hashing). */
const MAX_TOKEN_PROTOCOL_LENGTH = 256
const BASE64URL = /^[A-Za-z0-9_-]*$/

/** The subprotocols a client offers for a room, with its session token if it has one. */
export function roomProtocols(token?: string | null): string[] {
  return token ? [ROOM_PROTOCOL, `${TOKEN_PREFIX}${toBase64url(token)}`] : [ROOM_PROTOCOL]
}

/**
 * The token carried by a `Sec-WebSocket-Protocol` header, or null if there is none or it is
 * malformed. Several token protocols count as none: a client sends exactly one.
 */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null
  const offered = header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith(TOKEN_PREFIX))
  if (offered.length !== 1) return null
  const encoded = offered[0]!
  if (encoded.length > MAX_TOKEN_PROTOCOL_LENGTH) return null
  return fromBase64url(encoded.slice(TOKEN_PREFIX.length))
}

function toBase64url(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(encoded: string): string | null {
  if (encoded.length === 0 || !BASE64URL.test(encoded)) return null
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
