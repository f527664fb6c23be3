/**
 * WebSocket close codes the server uses, in one place (documented in the README).
 * 1009 (message too big) is sent by `ws` itself for a frame over the limit.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame over MAX_FRAME_BYTES (sent by ws). */
  tooBig: 1009,
  /** The room could not be loaded or stored; nothing was overwritten. */
  roomUnavailable: 1011,
  /** The message could not be decoded as y-websocket protocol. */
  malformedMessage: 4400,
  /**
   * The facilitator removed this participant from the meeting: their session is revoked. In
   * 4400-4499, so a stock y-websocket client does not reconnect.
   */
  removedByFacilitator: 4403,
  /** The connection could not keep up (send buffer over its limit); reconnecting may help. */
  tooSlow: 4508,
  /** The facilitator erased the meeting: its board and everything stored about it are gone. */
  meetingErased: 4410,
  /** Someone with the free board's link erased it: the board and everything stored of it are gone. */
  boardErased: 4411,
  /** The meeting or free board was not used for its whole retention period and was erased. */
  retentionExpired: 4412,
  /** A Yjs update could not be applied to the room's document. */
  badUpdate: 4422,
  /** The socket sent frames faster than the server allows (see the limits table). */
  tooManyMessages: 4429,
  /** The connection sent more refused updates than its budget (see the limits table). */
  tooManyRefusals: 4430,
  /** Handling a frame failed unexpectedly; only this connection is closed, the log says why. */
  frameFailed: 4499,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** A frame larger than this closes the connection with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024

/**
 * What a stock y-websocket 3 client does after each code, and why. It reconnects after every code
 * outside 4400-4499 and stops for good inside that range; a code there must say why reconnecting
 * would not help (the same bytes would be refused again, or there is nothing left to join).
 * Refusals that are not the client's doing (a server that cannot confirm it is current) are
 * message 100 `unavailable`, never a close, and never count towards 4430.
 */
export const CLOSE_CODE_RECOVERY: Record<CloseCode, 'reconnects' | { permanent: string }> = {
  [CloseCode.goingAway]: 'reconnects',
  [CloseCode.tooBig]: 'reconnects',
  [CloseCode.roomUnavailable]: 'reconnects',
  [CloseCode.tooSlow]: 'reconnects',
  [CloseCode.malformedMessage]: {
    permanent: 'the client speaks another protocol; it would send the same frames again',
  },
  [CloseCode.removedByFacilitator]: {
    permanent: 'the begeleider removed this person; their session is revoked and opens nothing',
  },
  [CloseCode.meetingErased]: { permanent: 'the meeting and its board no longer exist' },
  [CloseCode.boardErased]: { permanent: 'the free board no longer exists' },
  [CloseCode.retentionExpired]: { permanent: 'the meeting or board no longer exists' },
  [CloseCode.badUpdate]: {
    permanent: 'its document holds an update that cannot be read; it would resend it at once',
  },
  [CloseCode.tooManyMessages]: {
    permanent: 'a client that floods would flood again; ours waits and starts over',
  },
  [CloseCode.tooManyRefusals]: {
    permanent:
      'a stock client keeps its refused changes and resends them on every reconnect; ours starts over',
  },
  [CloseCode.frameFailed]: { permanent: 'the same frame would fail again; the log says why' },
}
