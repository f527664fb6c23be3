import type { MessageKey } from '../../i18n/messages'

/**
 * The server explains a refusal in an English sentence (phaseMachine.ts, meetingService.ts). The
 * ones a facilitator can meet get a text of ours in their language; anything else is shown as
 * sent, after "Dat lukte niet:".
 */
const KNOWN: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/^failed to fetch|networkerror|network request failed|load failed/i, 'meeting.error.network'],
  [/expired session|invalid_session/i, 'meeting.error.session'],
  [/only the begeleider/i, 'meeting.error.notFacilitator'],
  [/keeps at least one begeleider/i, 'meeting.error.lastFacilitator'],
  [/has no role/i, 'meeting.error.roleNotInMethod'],
  [/already started/i, 'meeting.error.alreadyStarted'],
  [/has not started/i, 'meeting.error.notStarted'],
  [/this is the last phase/i, 'meeting.error.lastPhase'],
  [/no previous phase/i, 'meeting.error.firstPhase'],
  [/already paused/i, 'meeting.error.alreadyPaused'],
  [/is not paused/i, 'meeting.error.notPaused'],
  [/not part of a repeating block/i, 'meeting.error.notRepeating'],
]

export type ErrorText = { key: MessageKey } | { key: 'meeting.error.generic'; reason: string }

/** Our text for a rejected command or role change. */
export function errorText(error: unknown): ErrorText {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : ''
  for (const [pattern, key] of KNOWN) if (pattern.test(message)) return { key }
  return { key: 'meeting.error.generic', reason: message.trim() || '?' }
}
