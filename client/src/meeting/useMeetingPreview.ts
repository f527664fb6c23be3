import { useEffect, useState } from 'react'
import { ApiError } from '../api/apiClient'
import type { LinkSecret } from '../pastedLink'
import { meetingApi } from './meetingApi'

/** What the join screen may show about the meeting before joining (server: `preview`). */
export type MeetingPreview = Awaited<ReturnType<typeof meetingApi.preview>>

export type PreviewState =
  | { status: 'noKey' }
  | { status: 'checking' }
  | { status: 'ready'; preview: MeetingPreview }
  /** The server does not know this secret (renewed, erased, mistyped): the same answer for each. */
  | { status: 'invalid' }
  /** The server could not be asked; joining may still work, so the form stays. */
  | { status: 'unreachable' }

/** Asks the server what this link opens, with the secret in the request body. */
export function useMeetingPreview(meetingId: string, secret: LinkSecret | null): PreviewState {
  const [state, setState] = useState<PreviewState>(secret ? { status: 'checking' } : { status: 'noKey' })

  useEffect(() => {
    if (!secret) {
      setState({ status: 'noKey' })
      return
    }
    let cancelled = false
    setState({ status: 'checking' })
    meetingApi.preview(meetingId, secret.secret).then(
      (preview) => !cancelled && setState({ status: 'ready', preview }),
      (error: unknown) => {
        if (cancelled) return
        const invalid = error instanceof ApiError && error.code === 'invalid_link'
        setState({ status: invalid ? 'invalid' : 'unreachable' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [meetingId, secret])

  return state
}
