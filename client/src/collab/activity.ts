import type { Awareness } from 'y-protocols/awareness'

/** The awareness field that says this person is away (tab hidden, or idle for IDLE_AFTER_MS). */
export const AWAY_FIELD = 'away'
/** No pointer or key for this long counts as away. */
export const IDLE_AFTER_MS = 5 * 60_000
const CHECK_EVERY_MS = 30_000
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const

/**
 * Tells the others whether I am here or away, in my presence state: the participant list shows it
 * (online, away, left). Sent only when it changes, so it costs nothing while I work.
 * Returns the unbind function.
 */
export function bindActivity(awareness: Awareness): () => void {
  let lastActive = Date.now()
  const update = () => {
    const away = document.visibilityState === 'hidden' || Date.now() - lastActive >= IDLE_AFTER_MS
    const state = awareness.getLocalState()
    if (state && state[AWAY_FIELD] !== away) awareness.setLocalStateField(AWAY_FIELD, away)
  }
  const onActivity = () => {
    const wasIdle = Date.now() - lastActive >= IDLE_AFTER_MS
    lastActive = Date.now()
    if (wasIdle) update()
  }
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true })
  document.addEventListener('visibilitychange', update)
  const timer = setInterval(update, CHECK_EVERY_MS)
  update()
  return () => {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity)
    document.removeEventListener('visibilitychange', update)
    clearInterval(timer)
  }
}
