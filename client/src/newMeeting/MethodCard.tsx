import { useId } from 'react'
import type { Template } from '../../../shared/templateSchema'
import type { Language } from '../i18n/language'
import { useT } from '../i18n/useT'
import { BoardPreview } from './BoardPreview'
import { durationText, stepsText } from './methodText'
import { roleNames } from './roleNames'

interface MethodCardProps {
  template: Template
  language: Language
  /** The radio group's name. */
  group: string
  selected: boolean
  onSelect: () => void
  /** Shown on the selected card in narrow layouts, where the details sit below the list. */
  onShowDetails: () => void
}

/**
 * One method in the picker: a real radio button (arrow keys move through the group) whose label,
 * the method's name, stretches over the whole card so a click anywhere selects it.
 */
export function MethodCard({
  template,
  language,
  group,
  selected,
  onSelect,
  onShowDetails,
}: MethodCardProps) {
  const t = useT()
  const inputId = useId()
  const factsId = useId()
  const purposeId = useId()
  return (
    <li className={selected ? 'method-card method-card--selected' : 'method-card'}>
      <BoardPreview
        className="method-card__preview"
        template={template}
        language={language}
        width={340}
        height={120}
      />
      <div className="method-card__body">
        <h3 className="method-card__name">
          <input
            id={inputId}
            className="method-card__input"
            type="radio"
            name={group}
            value={template.id}
            checked={selected}
            onChange={onSelect}
            aria-describedby={`${factsId} ${purposeId}`}
          />
          <label className="method-card__label" htmlFor={inputId}>
            {template.name[language]}
          </label>
        </h3>
        <p className="method-card__facts" id={factsId}>
          <span>{durationText(template, t)}</span>
          <span aria-hidden="true"> · </span>
          <span>{stepsText(template, t)}</span>
        </p>
        <p className="method-card__purpose" id={purposeId}>
          {template.purpose[language]}
        </p>
        <p className="method-card__roles">
          {t('newMeeting.roles', { roles: roleNames(template, language, t).join(', ') })}
        </p>
        <p className="method-card__source">{t('newMeeting.source', { credit: template.source.credit })}</p>
        {selected ? (
          <button type="button" className="button method-card__next" onClick={onShowDetails}>
            {t('newMeeting.details.toDetails')}
          </button>
        ) : null}
      </div>
    </li>
  )
}
