import '../styles/people.css'
import { useId, useState } from 'react'
import { useT } from '../i18n/useT'
import { useServerAction } from '../meeting/panels/useServerAction'
import { useCopy } from '../ui/useCopy'
import { groupApi } from './groupApi'
import { shareGroupMeetingKeys } from './memberKeySharing'

export interface MemberEntry {
  id: string
  name: string
  /** `/g/<id>#lid=…` when the page was opened with the group link; null with a facilitator's session. */
  link: string | null
}

/**
 * The group's members, each with their personal link to hand out and a way to renew one (a lost
 * phone, a link sent to the wrong person). The links are worked out by the server from the group
 * link, so only someone holding that sees them.
 */
export function MemberLinks({
  groupId,
  secret,
  members,
}: {
  groupId: string
  secret: string
  members: readonly MemberEntry[]
}) {
  const t = useT()
  // A renewed link replaces the one the page was loaded with.
  const [renewed, setRenewed] = useState<Record<string, string>>({})
  const withLinks = members.some((m) => m.link !== null)
  return (
    <>
      <p className="field__hint">{withLinks ? t('people.members.hint') : t('people.members.noLink')}</p>
      <ul className="member-links">
        {members.map((member) => (
          <MemberLink
            key={member.id}
            member={{ ...member, link: renewed[member.id] ?? member.link }}
            renew={
              withLinks
                ? async () => {
                    const answer = await groupApi.renewMemberLink(groupId, secret, member.id)
                    if (answer.member.link)
                      setRenewed((now) => ({ ...now, [member.id]: answer.member.link! }))
                    // The old wraps of the meeting keys no longer open: wrap for the new link.
                    shareGroupMeetingKeys(groupId, secret).catch(() => {
                      // The group page wraps again on its next visit.
                    })
                  }
                : null
            }
          />
        ))}
      </ul>
    </>
  )
}

function MemberLink({ member, renew }: { member: MemberEntry; renew: (() => Promise<void>) | null }) {
  const t = useT()
  const inputId = useId()
  const questionId = useId()
  const { result, copy } = useCopy()
  const [asking, setAsking] = useState(false)
  const action = useServerAction<'renew'>()
  const url = member.link ? `${window.location.origin}${member.link}` : null
  return (
    <li className="member-link">
      {url ? (
        <label className="member-link__name" htmlFor={inputId}>
          {member.name}
          <span className="visually-hidden"> — {t('people.members.linkOf', { name: member.name })}</span>
        </label>
      ) : (
        <span className="member-link__name">{member.name}</span>
      )}
      {url ? (
        <div className="member-link__row">
          <input
            id={inputId}
            className="member-link__url"
            type="text"
            readOnly
            value={url}
            spellCheck={false}
            data-member-link={member.name}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--small" onClick={() => copy(url)}>
            {result === 'copied' ? t('people.members.copied') : t('people.members.copy')}
          </button>
          {renew && !asking ? (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setAsking(true)}
            >
              {t('people.members.renew')}
            </button>
          ) : null}
        </div>
      ) : null}
      {renew && asking ? (
        <div className="person__confirm" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId} className="person__question">
            {t('people.members.renew.confirm', { name: member.name })}
          </p>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={action.pending !== null}
            onClick={async () => {
              if (await action.run('renew', renew)) setAsking(false)
            }}
          >
            {t('people.members.renew.yes')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            {t('people.remove.no')}
          </button>
        </div>
      ) : null}
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </li>
  )
}
