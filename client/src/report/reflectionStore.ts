import type { ReflectionAnswers } from '../../../templates/src/outcome/reflectionPoints'

const KEY_PREFIX = 'intervisiebord.reflection.'

/**
 * The inbrenger's reflection answers, kept in this browser only (localStorage): never sent, so
 * on nobody else's screen, and still there after a reload or when the report is written days
 * later. They go when the meeting is erased.
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
  const prefix = `${KEY_PREFIX}${meetingId}.`
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i)
    if (key?.startsWith(prefix)) localStorage.removeItem(key)
  }
}
