import { useContext, useId } from 'react'
import { roleInTopicWalk } from '../../../../shared/topicRole'
import { useT } from '../../i18n/useT'
import { MeetingContext } from '../canvas/meetingContext'
import { useSidePanel } from '../layout/sidePanels'
import type { MeetingUiProps } from '../meetingUi'
import { statusOf } from '../presence/presence'
import { usePresence } from '../presence/usePresence'
import { InviteLink } from './InviteLink'
import { KeepingSection } from './KeepingSection'
import { ParticipantItem } from './ParticipantItem'
import { RoleLegend } from './RoleLegend'
import { useRoleName } from './useRoleName'

export type ParticipantsPanelProps = Pick<
  MeetingUiProps,
  | 'template'
  | 'view'
  | 'me'
  | 'language'
  | 'onAssignRole'
  | 'onRemove'
  | 'inviteLink'
  | 'onRenewInvite'
  | 'keeping'
>

/**
 * The side panel at the right of the board: who is here and in which role, and what the roles
 * do. The facilitator hands out roles here and finds the invite link. Folds to a narrow strip.
 */
export function ParticipantsPanel({
  template,
  view,
  me,
  language,
  onAssignRole,
  onRemove,
  inviteLink,
  onRenewInvite,
  keeping,
}: ParticipantsPanelProps) {
  const t = useT()
  const roleName = useRoleName(template, language)
  // Folded from the start on a laptop or tablet, except for the facilitator who hands out roles:
  // the canvas needs the room to show the phase's zones at a readable size (sidePanels.ts).
  const [collapsed, toggleCollapsed] = useSidePanel('people', {
    facilitator: me.role === 'begeleider',
    started: view.progress.phaseIndex >= 0,
  })
  const headingId = useId()
  const bodyId = useId()
  const isFacilitator = me.role === 'begeleider'
  const people = view.participants
  // In a group's meeting (someone came in with a member link), whoever did not is marked a guest.
  const groupMeeting = people.some((p) => p.memberId)
  // Who is here now (online, away, left), from the room's presence states.
  const present = usePresence(useContext(MeetingContext)?.session)
  const presenceOf = (id: string) => (present ? statusOf(present, id, me.id) : null)

  return (
    <aside
      className={collapsed ? 'people-panel people-panel--collapsed' : 'people-panel'}
      aria-labelledby={headingId}
    >
      <div className="people-panel__head">
        <h2 className="people-panel__title" id={headingId}>
          <span className="people-panel__title-text">{t('meeting.people.title')}</span>{' '}
          <span
            className="people-panel__count"
            title={t('meeting.people.count', { count: String(people.length) })}
          >
            <span aria-hidden="true">{people.length}</span>
            <span className="visually-hidden">
              ({t('meeting.people.count', { count: String(people.length) })})
            </span>
          </span>
        </h2>
        <button
          type="button"
          className="people-panel__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          title={collapsed ? t('meeting.people.show') : t('meeting.people.hide')}
          onClick={toggleCollapsed}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              d={collapsed ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="visually-hidden">
            {collapsed ? t('meeting.people.show') : t('meeting.people.hide')}
          </span>
        </button>
      </div>
      {collapsed ? (
        <ul className="people-panel__dots" aria-hidden="true">
          {people.map((person) => (
            <li
              key={person.id}
              className="people-panel__dot"
              data-presence={presenceOf(person.id) ?? undefined}
              style={{ backgroundColor: person.color }}
              title={person.name}
            />
          ))}
        </ul>
      ) : null}
      <div className="people-panel__body" id={bodyId} hidden={collapsed}>
        <ul className="people-list">
          {people.map((person) => (
            <ParticipantItem
              key={person.id}
              participant={person}
              isMe={person.id === me.id}
              presence={presenceOf(person.id)}
              assignable={isFacilitator ? template.roles : null}
              roleName={roleName}
              onAssignRole={onAssignRole}
              onRemove={isFacilitator && person.id !== me.id ? onRemove : null}
              markGuest={groupMeeting}
              roleNow={roleInTopicWalk(template, view.progress, person.id, person.role)}
            />
          ))}
        </ul>
        {isFacilitator ? <InviteLink link={inviteLink} onRenew={onRenewInvite} /> : null}
        {isFacilitator && keeping ? <KeepingSection keeping={keeping} language={language} /> : null}
        <RoleLegend template={template} progress={view.progress} language={language} roleName={roleName} />
      </div>
    </aside>
  )
}
