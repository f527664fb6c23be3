import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReflectionAnswers } from '../../../shared/outcome/reflectionPoints'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'
import { loadMeetingKey } from '../meeting/drafts/meetingKey'
import { reflectionApi } from './reflectionApi'
import { hasAnswers, openAnswers, sealAnswers } from './reflectionSeal'
import { reflectionStart } from './reflectionStart'
import { loadReflection, markUploaded, saveReflection, unsentHere } from './reflectionStore'

/** How long after the last keystroke the report is sealed and stored. */
const SAVE_DELAY_MS = 600

export type ReflectionSave =
  | { kind: 'local' }
  | { kind: 'idle' | 'saving' | 'saved' }
  | { kind: 'failed'; error: unknown }

/**
 * The inbrenger's reflection report: kept in this browser as before, and with the meeting key
 * also sealed here and stored on the server moments after each change (the server cannot read
 * it). Answers this browser has not stored yet (typed offline, or from before the server kept
 * reports) win over the server's copy and go up once, so nobody's text is lost. Once signed off,
 * the report no longer changes.
 */
export function useSealedReflection(
  meetingId: string,
  participantId: string,
  token: string,
  active: boolean,
) {
  const [answers, setAnswers] = useState<ReflectionAnswers>(() => loadReflection(meetingId, participantId))
  const [save, setSave] = useState<ReflectionSave>({ kind: 'local' })
  const [signOff, setSignOff] = useState<ReflectionSignOff | null>(null)
  const key = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const pending = useRef<ReflectionAnswers | null>(null)

  const upload = useCallback(
    async (next: ReflectionAnswers) => {
      if (!key.current) return
      setSave({ kind: 'saving' })
      try {
        const stored = await reflectionApi.put(
          meetingId,
          token,
          await sealAnswers(key.current, meetingId, next),
        )
        markUploaded(meetingId, participantId, next)
        setSignOff(stored.signOff)
        setSave({ kind: 'saved' })
      } catch (error) {
        setSave({ kind: 'failed', error })
      }
    },
    [meetingId, participantId, token],
  )

  // Once: the server's copy, or this browser's answers carried over to it.
  useEffect(() => {
    if (!active) return
    const meetingKey = loadMeetingKey(meetingId)
    if (!meetingKey) return
    key.current = meetingKey
    let cancelled = false
    void (async () => {
      setSave({ kind: 'idle' })
      try {
        const stored = await reflectionApi.mine(meetingId, token)
        if (cancelled) return
        const local = loadReflection(meetingId, participantId)
        const mine = stored && stored.authorId === participantId ? stored : null
        if (mine) setSignOff(mine.signOff)
        const start = reflectionStart({
          stored: mine !== null,
          signedOff: mine?.signOff != null,
          localHasText: hasAnswers(local),
          unsent: unsentHere(meetingId, participantId, local),
        })
        if (mine && (start === 'server' || start === 'serverKeepLocal')) {
          const fromServer = await openAnswers(meetingKey, meetingId, mine.sealed)
          if (cancelled) return
          setAnswers(fromServer)
          if (start === 'server') {
            saveReflection(meetingId, participantId, fromServer)
            markUploaded(meetingId, participantId, fromServer)
          }
          setSave({ kind: 'saved' })
        } else if (start === 'upload') {
          await upload(local)
        }
      } catch (error) {
        if (!cancelled) setSave({ kind: 'failed', error })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [active, meetingId, participantId, token, upload])

  // Leaving (closing the report or the page): what waits goes now.
  useEffect(
    () => () => {
      if (timer.current && pending.current) void upload(pending.current)
    },
    [upload],
  )

  const change = useCallback(
    (next: ReflectionAnswers) => {
      setAnswers(next)
      saveReflection(meetingId, participantId, next)
      if (!key.current) return
      pending.current = next
      setSave({ kind: 'saving' })
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        timer.current = null
        pending.current = null
        void upload(next)
      }, SAVE_DELAY_MS)
    },
    [meetingId, participantId, upload],
  )

  return { answers, change, save, signOff }
}
