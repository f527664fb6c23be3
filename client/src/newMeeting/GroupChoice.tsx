import '../styles/groups.css'
import { useId } from 'react'
import type { KnownGroup } from '../groups/groupAccess'
import { useT } from '../i18n/useT'

/** The group a new meeting belongs to: none, one this browser holds the link of, or a new one. */
export type GroupPick =
  | { kind: 'none' }
  | { kind: 'known'; group: KnownGroup }
  | { kind: 'new'; name: string; members: string }

interface GroupChoiceProps {
  groups: readonly KnownGroup[]
  pick: GroupPick
  onPick: (pick: GroupPick) => void
  plannedStart: string
  onPlannedStart: (value: string) => void
  /** The new group's name is missing (shown after a try). */
  nameMissing: boolean
}

export const GROUP_NAME_MAX = 80

/** "Intervisiegroep": radio buttons, the new group's name and members, and the planned start. */
export function GroupChoice({
  groups,
  pick,
  onPick,
  plannedStart,
  onPlannedStart,
  nameMissing,
}: GroupChoiceProps) {
  const t = useT()
  const name = useId()
  const radio = useId()
  const nameId = useId()
  const membersId = useId()
  const startId = useId()
  const nameErrorId = useId()
  return (
    <fieldset className="group-choice">
      <legend className="field__label">{t('groupChoice.legend')}</legend>
      <p className="field__hint">{t('groupChoice.hint')}</p>
      <label className="group-choice__option">
        <input
          type="radio"
          name={name}
          id={`${radio}-none`}
          checked={pick.kind === 'none'}
          onChange={() => onPick({ kind: 'none' })}
        />
        {t('groupChoice.none')}
      </label>
      {groups.map((group) => (
        <label className="group-choice__option" key={group.id}>
          <input
            type="radio"
            name={name}
            checked={pick.kind === 'known' && pick.group.id === group.id}
            onChange={() => onPick({ kind: 'known', group })}
          />
          {t('groupChoice.existing', { name: group.name })}
        </label>
      ))}
      <label className="group-choice__option">
        <input
          type="radio"
          name={name}
          checked={pick.kind === 'new'}
          onChange={() => onPick({ kind: 'new', name: '', members: '' })}
        />
        {t('groupChoice.new')}
      </label>
      {pick.kind === 'new' ? (
        <div className="group-choice__new">
          <label className="field__label" htmlFor={nameId}>
            {t('groupChoice.name')}
          </label>
          <input
            id={nameId}
            className="field__input"
            type="text"
            autoComplete="off"
            maxLength={GROUP_NAME_MAX}
            value={pick.name}
            aria-invalid={nameMissing}
            aria-describedby={nameMissing ? nameErrorId : undefined}
            onChange={(event) => onPick({ ...pick, name: event.target.value })}
          />
          {nameMissing ? (
            <p className="field__error" id={nameErrorId} role="alert">
              {t('groupChoice.nameRequired')}
            </p>
          ) : null}
          <label className="field__label" htmlFor={membersId}>
            {t('groupChoice.members')}
          </label>
          <textarea
            id={membersId}
            className="field__input group-choice__members"
            rows={4}
            value={pick.members}
            onChange={(event) => onPick({ ...pick, members: event.target.value })}
          />
          <p className="field__hint">{t('groupChoice.membersHint')}</p>
        </div>
      ) : null}
      {pick.kind !== 'none' ? (
        <div className="group-choice__new">
          <label className="field__label" htmlFor={startId}>
            {t('groupChoice.plannedStart')}
          </label>
          <input
            id={startId}
            className="field__input"
            type="datetime-local"
            value={plannedStart}
            onChange={(event) => onPlannedStart(event.target.value)}
          />
        </div>
      ) : null}
    </fieldset>
  )
}

/** The members typed one per line (or separated by commas), each once. */
export function memberNames(text: string): string[] {
  return [...new Set(text.split(/[\n,;]/).map((name) => name.trim().slice(0, 40)))]
    .filter((n) => n !== '')
    .slice(0, 30)
}
