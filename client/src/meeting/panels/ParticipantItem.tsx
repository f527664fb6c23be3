import '../presence/presence.css'
import { useId, useState } from 'react'
import type { RoleId } from '../../../../shared/schema'
import type { ParticipantView } from '../../../../shared/wire'
import { useT } from '../../i18n/useT'
import type { PresenceStatus } from '../presence/presence'
import { RemoveParticipant } from './RemoveParticipant'
import { useServerAction } from './useServerAction'

interface ParticipantItemProps {
  participant: ParticipantView
  isMe: boolean
  /** Here, away or gone; null while this browser cannot know (it is offline itself). */
  presence: PresenceStatus | null
  /** The roles the facilitator may hand out (the method's); null for a read-only row. */
  assignable: readonly RoleId[] | null
  roleName(role: RoleId): string
  onAssignRole(participantId: string, role: RoleId): Promise<void>
  /** For the facilitator, on everyone but themselves: removes the person (asks first). */
  onRemove: ((participantId: string) => Promise<void>) | null
  /** A meeting of a group: someone without a member link is marked a guest. */
  markGuest: boolean
  /** The role the rules give now, when it differs (the topic's owner is its inbrenger, topicRole.ts). */
  roleNow?: RoleId
}

/**
 * One person: colour, name, role. For the facilitator the role is a select; the chosen role shows
 * at once and stays until the server's view catches up, or goes back with the reason if refused.
 */
export function ParticipantItem({
  participant,
  isMe,
  presence,
  assignable,
  roleName,
  onAssignRole,
  onRemove,
  markGuest,
  roleNow,
}: ParticipantItemProps) {
  const t = useT()
  const action = useServerAction<'role'>()
  // The role just chosen, while the server's view still shows the one it was chosen over.
  const [chosen, setChosen] = useState<{ role: RoleId; over: RoleId } | null>(null)
  const selectId = useId()
  const errorId = useId()
  const shown = chosen && chosen.over === participant.role ? chosen.role : participant.role

  const choose = async (role: RoleId) => {
    setChosen({ role, over: participant.role })
    const ok = await action.run('role', () => onAssignRole(participant.id, role))
    if (!ok) setChosen(null)
  }

  const options =
    assignable && !assignable.includes(participant.role) ? [participant.role, ...assignable] : assignable

  return (
    <li className="person" data-presence={presence ?? undefined}>
      <span className="person__dot" style={{ backgroundColor: participant.color }} aria-hidden="true" />
      <div className="person__text">
        <span className="person__name">
          {participant.name}
          {isMe ? <span className="person__you"> {t('meeting.people.you')}</span> : null}
          {!markGuest || participant.memberId ? null : (
            <span className="person__guest"> ({t('people.guest')})</span>
          )}
        </span>
        {presence ? (
          <span className="person__presence" data-presence={presence}>
            <span className="person__presence-mark" aria-hidden="true" />
            {t(`presence.${presence}`)}
          </span>
        ) : null}
        {options ? (
          <>
            <label className="visually-hidden" htmlFor={selectId}>
              {t('meeting.people.roleOf', { name: participant.name })}
            </label>
            <select
              id={selectId}
              className="person__select"
              value={shown}
              disabled={action.pending !== null}
              aria-busy={action.pending !== null}
              aria-invalid={action.error ? true : undefined}
              aria-describedby={action.error ? errorId : undefined}
              onChange={(event) => choose(event.target.value as RoleId)}
            >
              {options.map((role) => (
                <option key={role} value={role}>
                  {roleName(role)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="person__role">{roleName(participant.role)}</span>
        )}
        {roleNow && roleNow !== participant.role ? (
          <span className="person__role-now">{t('meeting.people.roleNow', { role: roleName(roleNow) })}</span>
        ) : null}
        {action.error ? (
          <p className="person__error" id={errorId} role="alert">
            {action.error}
          </p>
        ) : null}
        {onRemove ? (
          <RemoveParticipant name={participant.name} remove={() => onRemove(participant.id)} />
        ) : null}
      </div>
    </li>
  )
}
