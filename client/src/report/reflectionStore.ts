import type { ReflectionAnswers } from '../../../shared/outcome/reflectionPoints'

const KEY_PREFIX = 'intervisiebord.reflection.'
const UPLOADED_PREFIX = 'intervisiebord.reflectionUploaded.'

/**
 * The inbrenger's reflection answers as this browser keeps them (localStorage): still there after
 * a reload, offline, or when the report is written days later. With the meeting key they are also
 * stored on the server, sealed (useSealedReflection.ts). They go when the meeting is erased.
 */
export function loadReflection(meetingId: string, participantId: string): ReflectionAnswers {
  try {
    const parsed = JSON.parse(
      localStorage.getItem(`${KEY_PREFIX}${meetingId}.${participantId}`) ?? '{}',
    ) as unknown
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(([, value]) => typeof value === 'string'),
    ) as ReflectionAnswers
  } catch {
    return {}
  }
}

export function saveReflection(meetingId: string, participantId: string, answers: ReflectionAnswers): void {
  try {
    localStorage.setItem(`${KEY_PREFIX}${meetingId}.${participantId}`, JSON.stringify(answers))
  } catch {
    // A full or blocked storage: the answers stay in this tab, as before.
  }
}

export function forgetReflection(meetingId: string): void {
  for (const prefix of [`${KEY_PREFIX}${meetingId}.`, `${UPLOADED_PREFIX}${meetingId}.`]) {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i)
      if (key?.startsWith(prefix)) localStorage.removeItem(key)
    }
  }
}

/**
 * What this browser last stored on the server, sealed (as JSON of the answers): answers that
 * differ from it were typed here and not stored yet, so they win over the server's copy and go
 * up. Answers from before the server kept reports have no mark, and go up once.
 */
export function markUploaded(meetingId: string, participantId: string, answers: ReflectionAnswers): void {
  try {
    localStorage.setItem(`${UPLOADED_PREFIX}${meetingId}.${participantId}`, JSON.stringify(answers))
  } catch {
    // Without storage the next visit uploads once more: harmless.
  }
}

export function unsentHere(meetingId: string, participantId: string, answers: ReflectionAnswers): boolean {
  try {
    return localStorage.getItem(`${UPLOADED_PREFIX}${meetingId}.${participantId}`) !== JSON.stringify(answers)
  } catch {
    return true
  }
}
