import type { IncomingMessage } from 'node:http'

/**
 * Whether a socket request may come from where its Origin header says. Browsers always send
 * Origin on a WebSocket; a page on another site must not open our rooms with its visitor's
 * cookies or tokens. Without Origin (a non-browser client, such as y-websocket in Node) there is
 * nothing to check and the request is allowed.
 *
 * With `publicOrigin` (PUBLIC_URL) the Origin must be exactly that; without it, the Origin's host
 * must be the Host the request was sent to (what a same-origin page does).
 */
export function originAllowed(req: IncomingMessage, publicOrigin: string | null): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false // includes the opaque origin "null" of sandboxed pages
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
  if (publicOrigin) return parsed.origin === publicOrigin
  const host = req.headers.host
  if (!host) return false
  try {
    // Read the Host with the Origin's scheme, so default ports compare equal (":443" and none).
    return new URL(`${parsed.protocol}//${host}`).host === parsed.host
  } catch {
    return false
  }
}
