import { useEffect, useRef, useState } from 'react'

/** How long the bar stays highlighted after a change of phase. */
const HIGHLIGHT_MS = 2400

/**
 * Notices a change of `stageKey` (phase, round or finished) after the first render and returns
 * the sentence to announce and whether to highlight the bar. Joining mid-phase announces
 * nothing: the phase is on screen already.
 */
export function usePhaseAnnouncement(
  stageKey: string,
  message: string,
): { announcement: string; highlight: boolean } {
  const previous = useRef(stageKey)
  const [announcement, setAnnouncement] = useState('')
  const [changes, setChanges] = useState(0)
  const [highlight, setHighlight] = useState(false)

  // `message` is a dependency only to read its current wording; a new language alone is no change.
  useEffect(() => {
    if (previous.current === stageKey) return
    previous.current = stageKey
    setAnnouncement(message)
    setChanges((n) => n + 1)
  }, [stageKey, message])

  useEffect(() => {
    if (changes === 0) return
    setHighlight(true)
    const timer = setTimeout(() => setHighlight(false), HIGHLIGHT_MS)
    return () => clearTimeout(timer)
  }, [changes])

  return { announcement, highlight }
}
