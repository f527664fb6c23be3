import { useId, useState } from 'react'
import type { MeetingExport } from '../../../shared/exportFormat'
import { ApiError } from '../api/apiClient'
import { wordApiError } from '../api/apiErrors'
import { groupLink, rememberGroup } from '../groups/groupAccess'
import { type Translate, useT } from '../i18n/useT'
import { loadMeetingKey, makeMeetingKey, saveMeetingKey, withKey } from '../meeting/drafts/meetingKey'
import { rememberInviteLink } from '../meeting/meetingAccess'
import { meetingApi } from '../meeting/meetingApi'
import { LinkBox } from './LinkBox'

interface Imported {
  meetingId: string
  title: string
  facilitatorPath: string
  invitePath: string
}

/**
 * Import from an export file ("Alles exporteren", here or on another server): the server checks
 * the file and makes new meetings with new links, shown here to keep. Folded away by default:
 * most people come to this page to start a meeting.
 */
export function ImportMeetings({ onImported }: { onImported(): void }) {
  const t = useT()
  const inputId = useId()
  const [busy, setBusy] = useState(false)
  // Kept as it came and worded on render, so a language switch words it again.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [imported, setImported] = useState<Imported[] | null>(null)
  // The file field exists only while unfolded: the page's first field stays the method search.
  const [open, setOpen] = useState(false)
  // A group's export makes a group: its new link, shown above its meetings'.
  const [group, setGroup] = useState<{ id: string; secret: string } | null>(null)
  // The operator's import code (IMPORT_TOKEN); empty where the operator opened imports to anyone.
  const [code, setCode] = useState('')

  const choose = async (file: File | undefined) => {
    if (!file || busy) return
    setFailure(null)
    setBusy(true)
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        throw new NotJson()
      }
      // The server validates the file and says which field is wrong.
      const { meetings: importedMeetings, group: made } = await meetingApi.importFile(
        parsed as MeetingExport,
        code.trim(),
      )
      // Each imported meeting gets a key for private writing, in its links (drafts/): the key it
      // had where it was exported if this browser holds it (its revealed notes then open here
      // too), else a new one (they then stay sealed: "Versleuteld").
      const fromIds = (parsed as MeetingExport).meetings.map((m) => m.meetingId)
      const meetings = importedMeetings.map((m, i) => {
        const earlier = fromIds[i] ? loadMeetingKey(fromIds[i]) : null
        if (earlier) saveMeetingKey(m.meetingId, earlier)
        const key = earlier ?? makeMeetingKey(m.meetingId)
        return {
          ...m,
          facilitatorPath: withKey(m.facilitatorPath, key),
          invitePath: withKey(m.invitePath, key),
        }
      })
      for (const m of meetings) rememberInviteLink(m.meetingId, `${window.location.origin}${m.invitePath}`)
      if (made) {
        const secret = made.groupPath.split('#groep=')[1] ?? ''
        // This browser knows the group from now on, as if its link had been opened here.
        rememberGroup({ id: made.groupId, name: (parsed as MeetingExport).group?.name ?? '', secret })
        setGroup({ id: made.groupId, secret })
      }
      setImported(meetings)
      onImported()
    } catch (error) {
      setFailure({ error })
    } finally {
      setBusy(false)
    }
  }

  if (imported) {
    const origin = window.location.origin
    return (
      <section className="imported" aria-labelledby={`${inputId}-done`}>
        <h1 className="created__title" id={`${inputId}-done`}>
          {t('import.done')}
        </h1>
        <p>{t('import.doneLead')}</p>
        {group ? (
          <div className="imported__meeting">
            <p>{t('import.group.lead')}</p>
            <LinkBox
              kind="group"
              title={t('import.group.linkTitle')}
              explanation={t('import.group.linkText')}
              url={groupLink(group.id, group.secret)}
            />
            <a className="button button--primary" href={groupLink(group.id, group.secret)}>
              {t('import.group.open')}
            </a>
          </div>
        ) : null}
        {imported.map((m) => (
          <div key={m.meetingId} className="imported__meeting">
            <h2 className="imported__title">{m.title}</h2>
            <LinkBox
              kind="facilitator"
              title={t('newMeeting.created.facilitatorTitle')}
              explanation={t('newMeeting.created.facilitatorText')}
              url={`${origin}${m.facilitatorPath}`}
            />
            <LinkBox
              kind="invite"
              title={t('newMeeting.created.inviteTitle')}
              explanation={t('newMeeting.created.inviteText')}
              url={`${origin}${m.invitePath}`}
            />
            <a className="button button--primary" href={m.facilitatorPath}>
              {t('import.open.facilitator')}
            </a>
          </div>
        ))}
      </section>
    )
  }

  return (
    <details className="import" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('import.open')}</summary>
      {open ? (
        <>
          <p className="import__text">{t('import.explain')}</p>
          <label htmlFor={`${inputId}-code`} className="import__label">
            {t('import.code')}
          </label>
          <input
            id={`${inputId}-code`}
            className="field__input import__code"
            type="password"
            autoComplete="off"
            value={code}
            disabled={busy}
            aria-describedby={`${inputId}-code-hint`}
            onChange={(e) => setCode(e.target.value)}
          />
          <p className="import__text" id={`${inputId}-code-hint`}>
            {t('import.codeHint')}
          </p>
          <label htmlFor={inputId} className="import__label">
            {t('import.file')}
          </label>
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0]
              // Emptied, so the same file can be chosen again (after correcting the import code).
              e.target.value = ''
              void choose(file)
            }}
          />
          {busy ? <p role="status">{t('import.busy')}</p> : null}
          {failure ? (
            <p className="field__error" role="alert">
              {wordImportError(t, failure.error)}
            </p>
          ) : null}
        </>
      ) : null}
    </details>
  )
}

class NotJson extends Error {}

/** A refused file names its field; the general wording of a bad body would say to reload the page. */
function wordImportError(t: Translate, error: unknown): string {
  if (error instanceof NotJson) return t('import.notJson')
  if (error instanceof ApiError && error.code === 'invalid_body') {
    return t('import.badField', { field: String(error.data.field ?? '?') })
  }
  return wordApiError(t, error)
}
