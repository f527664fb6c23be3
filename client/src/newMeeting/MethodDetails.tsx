import type { Ref } from 'react'
import type { Template } from '../../../shared/templateSchema'
import type { Language } from '../i18n/language'
import { useT } from '../i18n/useT'
import { BoardPreview } from './BoardPreview'
import { formatMinutes, isRepeated, repeatFacts } from './methodFacts'
import { durationText, groupSizeText } from './methodText'
import { roleNames } from './roleNames'

interface MethodDetailsProps {
  template: Template
  language: Language
  /** The method's name; focused when someone asks to see the details. */
  headingRef?: Ref<HTMLHeadingElement>
}

/** The chosen method in full: its board, length, group, roles, steps in order and own ground rules. */
export function MethodDetails({ template, language, headingRef }: MethodDetailsProps) {
  const t = useT()
  const repeat = repeatFacts(template)
  const zoneTitles = template.zones.map((zone) => zone.title[language]).join(', ')
  return (
    <div className="method-details__content">
      <BoardPreview
        className="method-details__preview"
        template={template}
        language={language}
        width={398}
        height={160}
        label={t('newMeeting.details.boardLabel', { zones: zoneTitles })}
      />
      <p className="method-details__eyebrow">{t('newMeeting.details.chosen')}</p>
      <h2 className="method-details__title" id="method-details-title" ref={headingRef} tabIndex={-1}>
        {template.name[language]}
      </h2>

      <dl className="method-details__facts">
        <dt>{t('newMeeting.details.duration')}</dt>
        <dd>{durationText(template, t)}</dd>
        <dt>{t('newMeeting.details.group')}</dt>
        <dd>{groupSizeText(template, t)}</dd>
        <dt>{t('newMeeting.details.roles')}</dt>
        <dd>{roleNames(template, language, t).join(', ')}</dd>
      </dl>
      <p className="method-details__purpose">{template.purpose[language]}</p>

      <h3 className="method-details__heading">{t('newMeeting.details.steps')}</h3>
      <ol className="phase-list">
        {template.phases.map((phase, index) => {
          const repeated = repeat !== null && isRepeated(template, index)
          return (
            <li
              key={phase.id}
              className={repeated ? 'phase-list__item phase-list__item--repeated' : 'phase-list__item'}
            >
              {repeat && phase.id === repeat.block.from ? (
                <span className="phase-list__repeat">{repeat.block.label[language]}</span>
              ) : null}
              <span className="phase-list__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="phase-list__title">
                {phase.title[language]}
                {repeated ? (
                  <span className="visually-hidden"> ({t(`newMeeting.per.${repeat.block.per}`)})</span>
                ) : null}
                {phase.optional ? <span className="tag">{t('newMeeting.details.optional')}</span> : null}
              </span>
              <span className="phase-list__minutes">
                {t('newMeeting.minutes', { minutes: formatMinutes(phase.minutes) })}
                {phase.minutesDefaulted ? (
                  <span className="phase-list__estimated">{t('newMeeting.details.estimated')}</span>
                ) : null}
              </span>
            </li>
          )
        })}
      </ol>

      {template.groundRules.length > 0 ? (
        <>
          <h3 className="method-details__heading">{t('newMeeting.details.groundRules')}</h3>
          <ul className="method-details__rules">
            {template.groundRules.map((rule) => (
              <li key={rule.nl}>{rule[language]}</li>
            ))}
          </ul>
          <p className="method-details__note">{t('newMeeting.details.generalRules')}</p>
        </>
      ) : null}

      <h3 className="method-details__heading">{t('newMeeting.details.source')}</h3>
      <p className="method-details__source">{template.source.credit}</p>
    </div>
  )
}
