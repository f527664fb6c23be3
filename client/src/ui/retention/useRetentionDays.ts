import { useEffect, useState } from 'react'
import type { ServerAction } from '../../meeting/panels/useServerAction'

/** How long something is kept, as the server says it (meetings and groups alike). */
export interface RetentionView {
  days: number
  maxDays: number
  keptUntil: number
  /** A meeting of a group without days of its own: kept as long as its group. */
  followsGroup?: boolean
}

/**
 * The state of a "Bewaren" form: the server's view once loaded (or why it could not be), the days
 * being typed, and saving them through the caller's one-at-a-time action.
 */
export function useRetentionDays<Id extends string>(
  load: () => Promise<RetentionView>,
  store: (days: number) => Promise<RetentionView>,
  action: ServerAction<Id | 'save'>,
) {
  const [view, setView] = useState<RetentionView | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [days, setDays] = useState('')
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    let live = true
    load().then(
      (loaded) => {
        if (!live) return
        setView(loaded)
        setDays(String(loaded.days))
      },
      (error: unknown) => live && setLoadError(error),
    )
    return () => {
      live = false
    }
  }, [load])

  const save = () =>
    action.run('save', async () => {
      setSaved(false)
      const next = await store(Number(days))
      setView(next)
      setDays(String(next.days))
      setSaved(true)
    })
  const type = (value: string) => {
    setDays(value)
    setSaved(false)
  }
  return { view, loadError, days, type, saved, save }
}
