import { useCallback, useEffect, useRef, useState } from 'react'
import { wordApiError } from '../../api/apiErrors'
import { useT } from '../../i18n/useT'

export interface ServerAction<Id extends string> {
  /** The action under way, if any; the caller disables its controls meanwhile. */
  pending: Id | null
  /** Why the last action failed, in the chosen language; null after a success or a new try. */
  error: string | null
  /** Runs `action` unless another is under way; resolves true when it succeeded. */
  run(id: Id, action: () => Promise<void>): Promise<boolean>
  clearError(): void
}

/**
 * One server call at a time, with its failure kept for an inline message. The failure is stored
 * as it came and translated on render, so switching language translates it too.
 */
export function useServerAction<Id extends string>(): ServerAction<Id> {
  const t = useT()
  const [pending, setPending] = useState<Id | null>(null)
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const busy = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async (id: Id, action: () => Promise<void>): Promise<boolean> => {
    if (busy.current) return false
    busy.current = true
    setPending(id)
    setFailure(null)
    try {
      await action()
      return true
    } catch (error) {
      if (mounted.current) setFailure({ error })
      return false
    } finally {
      busy.current = false
      if (mounted.current) setPending(null)
    }
  }, [])

  const clearError = useCallback(() => setFailure(null), [])

  const error = failure ? wordApiError(t, failure.error) : null
  return { pending, error, run, clearError }
}
