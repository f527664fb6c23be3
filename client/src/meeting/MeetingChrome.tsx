import '../styles/portrait.css'
import { type ReactNode, useCallback, useMemo } from 'react'
import type { OutcomeGap } from '../../../shared/outcome/outcomeGaps'
import type { MeetingCommand } from '../../../shared/phaseMachine'
import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import { roleInTopicWalk } from '../../../shared/topicRole'
import type { MeetingView } from '../../../shared/wire'
import { ConnectionIndicator } from '../board/ConnectionIndicator'
import type { ConnectionState } from '../collab/connectionMonitor'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useLanguage, useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { ChosenCase } from './ChosenCase'
import { EraseMeetingButton } from './EraseMeetingButton'
import { loadInviteLink, renewInviteLink } from './meetingAccess'
import { meetingApi } from './meetingApi'
import type { MeetingUiProps } from './meetingUi'
import { FacilitatorControls } from './panels/FacilitatorControls'
import { GroundRulesButton } from './panels/GroundRulesButton'
import { GroundRulesOverlay } from './panels/GroundRulesOverlay'
import type { MeetingKeeping } from './panels/KeepingSection'
import { ParticipantsPanel } from './panels/ParticipantsPanel'
import { PhaseBar } from './panels/PhaseBar'
import { useRoleName } from './panels/useRoleName'

interface MeetingChromeProps {
  meetingId: string
  token: string
  template: Template
  title: string
  view: MeetingView | null
  participantId: string
  connection: ConnectionState
  serverOffset: number
  /** The canvas. */
  children: ReactNode
  /** Beside the canvas, before the participants: the notes list. */
  aside?: ReactNode
  /** In the header: the report button (client/src/report), given the meeting as this person sees it. */
  report?: (ui: MeetingUiProps) => ReactNode
  /** On the card before the start, for those who take part: preparing a case (drafts/). */
  preparation?: ReactNode
  /** What of the inbrenger's outcome is still empty, read from the board (meeting/outcome). */
  outcomeGaps?: readonly OutcomeGap[]
}

/**
 * Everything around the canvas in a meeting: header, phase bar with the facilitator's controls,
 * participants and roles, and the ground rules before the start. Commands go to the server, which
 * publishes the new state in the room; nothing here changes the meeting by itself.
 */
export function MeetingChrome(props: MeetingChromeProps) {
  const { meetingId, token, template, title, view, participantId, connection, serverOffset, children } = props
  const t = useT()
  const language = useLanguage()
  const roleName = useRoleName(template, language)
  const given = view?.participants.find((p) => p.id === participantId) ?? null
  // In the walk through the topics the topic's owner is its inbrenger (topicRole.ts): say so.
  const me =
    given && view ? { ...given, role: roleInTopicWalk(template, view.progress, given.id, given.role) } : null
  // Stable, so the timer does not restart its tick on every render.
  const serverNow = useCallback(() => Date.now() + serverOffset, [serverOffset])
  // Stable too: the panel loads the retention once per meeting, not on every render.
  const keeping = useMemo<MeetingKeeping>(
    () => ({
      retention: () => meetingApi.retention(meetingId, token),
      setDays: (days) => meetingApi.setRetention(meetingId, token, days),
      exportFile: () => meetingApi.exportFile(meetingId, token),
    }),
    [meetingId, token],
  )

  const ui: MeetingUiProps | null =
    view && me
      ? {
          template,
          view,
          me,
          language,
          serverNow,
          outcomeGaps: props.outcomeGaps ?? [],
          onCommand: async (command: MeetingCommand) => {
            await meetingApi.command(meetingId, token, command)
          },
          onRemove: async (participantId: string) => {
            await meetingApi.remove(meetingId, token, participantId)
          },
          onAssignRole: async (participantId: string, role: RoleId) => {
            await meetingApi.assignRole(meetingId, token, participantId, role)
          },
          inviteLink: loadInviteLink(meetingId),
          onRenewInvite: () => renewInviteLink(meetingId, token),
          keeping,
        }
      : null

  return (
    <>
      <header className="board-header">
        <Brand asLink />
        <div className="meeting-title">
          <h1 className="meeting-title__name">{title}</h1>
          <span className="meeting-title__method">{template.name[language]}</span>
        </div>
        <ConnectionIndicator state={connection} />
        <div className="board-header__actions">
          {me ? (
            <span className="person-chip" data-role={me.role}>
              <span className="person-chip__dot" style={{ backgroundColor: me.color }} aria-hidden="true" />
              <span className="person-chip__name">
                {t('meeting.you', { name: me.name, role: roleName(me.role) })}
              </span>
            </span>
          ) : null}
          {ui ? props.report?.(ui) : null}
          {ui ? <GroundRulesButton {...ui} /> : null}
          {me?.role === 'begeleider' ? <EraseMeetingButton meetingId={meetingId} token={token} /> : null}
          <LanguageToggle />
        </div>
      </header>
      {ui ? (
        <section className="meeting-top" aria-label={t('meeting.top.label')}>
          <PhaseBar {...ui} />
          {ui.me.role === 'begeleider' ? <FacilitatorControls {...ui} /> : null}
          {ui.view.progress.phaseIndex >= 0 ? <ChosenCase {...ui} /> : null}
        </section>
      ) : null}
      <div className="meeting-body">
        <div className="meeting-body__canvas">
          {children}
          {ui && ui.view.progress.phaseIndex === -1 ? (
            <GroundRulesOverlay {...ui} preparation={props.preparation} />
          ) : null}
        </div>
        {ui ? props.aside : null}
        {ui ? <ParticipantsPanel {...ui} /> : null}
      </div>
    </>
  )
}
