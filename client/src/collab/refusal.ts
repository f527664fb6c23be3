/**
 * The server's own message beside y-websocket's: "your update was refused" (shared/wire.ts).
 * A refused client must start over with a fresh document: every later update of its Yjs client id
 * depends on the refused one, so the server would refuse those too.
 */
export { REFUSED_MESSAGE as MESSAGE_REFUSED, type Refusal, readRefusal } from '../../../shared/wire'
