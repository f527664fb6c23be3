import { type FormEvent, useId, useState } from 'react'
import { GROUP_TIME_ZONE } from '../../../shared/groups/groupTime'
import type { Template } from '../../../shared/templateSchema'
import { wordApiError } from '../api/apiErrors'
import { type KnownGroup, knownGroups } from '../groups/groupAccess'
import { parseLocalDateTime } from '../groups/groupDates'
import type { Language } from '../i18n/language'
import { useT } from '../i18n/useT'
import { type CreatedMeeting, createMeetingFor } from './createMeeting'
import { GroupChoice, type GroupPick } from './GroupChoice'

/** The server accepts titles up to this length. */
const TITLE_MAX = 120

interface CreateMeetingFormProps {
  template: Template
  language: Language
  title: string
  onTitle: (title: string) => void
  onCreated: (meeting: CreatedMeeting, title: string, group: KnownGroup | null) => void
}

/** The group the page was opened for (`/nieuw?groep=<id>` from a group's page), if this browser holds it. */
function initialPick(groups: readonly KnownGroup[]): GroupPick {
  const wanted = new URLSearchParams(window.location.search).get('groep')
  const group = groups.find((g) => g.id === wanted)
  return group ? { kind: 'known', group } : { kind: 'none' }
}

/** The meeting's title (optional: the method's name otherwise) and "Bijeenkomst aanmaken". */
export function CreateMeetingForm({ template, language, title, onTitle, onCreated }: CreateMeetingFormProps) {
  const t = useT()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [groups] = useState(knownGroups)
  const [pick, setPick] = useState<GroupPick>(() => initialPick(groups))
  const [plannedStart, setPlannedStart] = useState('')
  const [nameMissing, setNameMissing] = useState(false)
  const methodName = template.name[language]

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const finalTitle = title.trim() || methodName
    if (pick.kind === 'new' && pick.name.trim() === '') {
      setNameMissing(true)
      return
    }
    setNameMissing(false)
    setBusy(true)
    setError(null)
    createMeetingFor(pick, template.id, finalTitle, parseLocalDateTime(plannedStart, GROUP_TIME_ZONE)).then(
      ({ meeting, group }) => onCreated(meeting, finalTitle, group),
      (reason: unknown) => {
        setBusy(false)
        setError(t('newMeeting.form.failed', { reason: wordApiError(t, reason) }))
      },
    )
  }

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <label className="field__label" htmlFor={inputId}>
        {t('newMeeting.form.titleLabel')}
      </label>
      <input
        id={inputId}
        className="field__input create-form__input"
        type="text"
        autoComplete="off"
        maxLength={TITLE_MAX}
        placeholder={methodName}
        value={title}
        onChange={(event) => onTitle(event.target.value)}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <p className="field__hint create-form__hint" id={hintId}>
        {t('newMeeting.form.titleHint', { name: methodName })}
      </p>
      <GroupChoice
        groups={groups}
        pick={pick}
        onPick={(next) => {
          setPick(next)
          if (next.kind !== 'new' || next.name.trim() !== '') setNameMissing(false)
        }}
        plannedStart={plannedStart}
        onPlannedStart={setPlannedStart}
        nameMissing={nameMissing}
      />
      <button
        type="submit"
        className="button button--primary button--large create-form__submit"
        aria-disabled={busy}
      >
        {busy ? t('newMeeting.form.creating') : t('newMeeting.form.create')}
      </button>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
