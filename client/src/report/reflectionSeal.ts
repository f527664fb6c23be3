import { REFLECTION_POINTS, type ReflectionAnswers } from '../../../shared/outcome/reflectionPoints'
import { REFLECTION_SEAL_ID } from '../../../shared/outcome/sealedReflection'
import { importMeetingKey, openText, sealText } from '../meeting/drafts/sealing'

/** The six answers sealed with the meeting key, bound to the meeting and to the report (not a note). */
export async function sealAnswers(
  key: string,
  meetingId: string,
  answers: ReflectionAnswers,
): Promise<string> {
  return sealText(await importMeetingKey(key), meetingId, REFLECTION_SEAL_ID, JSON.stringify(answers))
}

/** Opens a sealed report; throws if the key is not this meeting's. Keeps only the six points, as text. */
export async function openAnswers(
  key: string,
  meetingId: string,
  sealed: string,
): Promise<ReflectionAnswers> {
  const text = await openText(await importMeetingKey(key), meetingId, REFLECTION_SEAL_ID, sealed)
  const parsed = JSON.parse(text) as unknown
  const answers: ReflectionAnswers = {}
  if (!parsed || typeof parsed !== 'object') return answers
  for (const point of REFLECTION_POINTS) {
    const value = (parsed as Record<string, unknown>)[point]
    if (typeof value === 'string') answers[point] = value
  }
  return answers
}

/** Whether any of the six points has text. */
export function hasAnswers(answers: ReflectionAnswers): boolean {
  return Object.values(answers).some((value) => (value ?? '').trim() !== '')
}
