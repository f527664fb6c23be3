import '../styles/meeting.css'
import '../styles/meetingCanvas.css'
import { useEffect, useState } from 'react'
import type { Template } from '../../../shared/templateSchema'
import type { ParticipantView } from '../../../shared/wire'
import { NotFoundPage } from '../front/NotFoundPage'
import { useT } from '../i18n/useT'
import { LoadingView } from '../ui/LoadingView'
import { JoinScreen } from './JoinScreen'
import { MeetingBoard } from './MeetingBoard'
import {
  dropSession,
  forgetLinkSecret,
  keepLinkKey,
  loadSession,
  readLinkSecret,
  readPersonalToken,
  type StoredSession,
  saveSession,
} from './meetingAccess'
import { ApiError, meetingApi } from './meetingApi'
import { openMeeting, takePreloadedMeeting } from './meetingPreload'

type Stage =
  | { kind: 'join'; secret: ReturnType<typeof readLinkSecret> }
  | { kind: 'loading'; session: StoredSession }
  | {
      kind: 'ready'
      session: StoredSession
      template: Template
      me: ParticipantView
      title: string
      offset: number
    }
  | { kind: 'noAccess'; expired: boolean }

/**
 * `/m/<meetingId>`: who are you in this meeting? A stored session opens the board; a link with a
 * secret asks for your name first; anything else explains how to get in.
 */
export default function MeetingPage({ meetingId }: { meetingId: string }) {
  const t = useT()
  const [stage, setStage] = useState<Stage>(() => {
    keepLinkKey(meetingId)
    const secret = readLinkSecret()
    const personal = readPersonalToken()
    if (personal) {
      // My own link on another device: my session, confirmed by the server below.
      forgetLinkSecret()
      return { kind: 'loading', session: { token: personal, participantId: '' } }
    }
    const stored = loadSession(meetingId)
    if (stored) {
      if (secret) forgetLinkSecret()
      return { kind: 'loading', session: stored }
    }
    // Without a key the join screen says where to find it and takes the invite link.
    return { kind: 'join', secret }
  })

  useEffect(() => {
    if (stage.kind === 'join') forgetLinkSecret()
  }, [stage.kind])

  useEffect(() => {
    if (stage.kind !== 'loading') return
    let cancelled = false
    const { session } = stage
    void (async () => {
      try {
        const [{ view, you, template: sent }, offset] = await (takePreloadedMeeting(
          meetingId,
          session.token,
        ) ?? openMeeting(meetingId, session.token))
        // The server sends the method along; asked for apart only if it no longer has it.
        const template = (sent as Template | null) ?? (await meetingApi.template(view.templateId)).template
        const me = view.participants.find((p) => p.id === you.id) ?? { ...you, color: '#1f6feb' }
        if (session.participantId !== you.id)
          saveSession(meetingId, { token: session.token, participantId: you.id })
        if (!cancelled) setStage({ kind: 'ready', session, template, me, title: view.title, offset })
      } catch (error) {
        if (cancelled) return
        if (error instanceof ApiError && error.status === 403) {
          dropSession(meetingId)
          setStage({ kind: 'noAccess', expired: true })
        } else {
          setTimeout(() => !cancelled && setStage({ kind: 'loading', session }), 2000)
        }
      }
    })()
    return () => {
      cancelled = true
    }
  }, [stage, meetingId])

  switch (stage.kind) {
    case 'join':
      return (
        <JoinScreen
          meetingId={meetingId}
          secret={stage.secret}
          onJoined={(session) => setStage({ kind: 'loading', session })}
        />
      )
    case 'loading':
      return <LoadingView message={t('meeting.loading')} fullPage />
    case 'noAccess':
      return (
        <NotFoundPage
          title={t('meeting.noAccess.title')}
          message={stage.expired ? t('meeting.sessionExpired') : t('meeting.noAccess.body')}
        />
      )
    case 'ready':
      return (
        <MeetingBoard
          meetingId={meetingId}
          token={stage.session.token}
          template={stage.template}
          participant={stage.me}
          title={stage.title}
          serverOffset={stage.offset}
        />
      )
  }
}
