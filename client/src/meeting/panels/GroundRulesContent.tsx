import { useId } from 'react'
import { GENERAL_GROUND_RULES } from '../../../../shared/groundRules'
import { initialProgress } from '../../../../shared/phaseMachine'
import type { Template } from '../../../../shared/templateSchema'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { timelineModel } from './phaseModel'

interface GroundRulesContentProps {
  template: Template
  language: Language
}

/**
 * The rules every meeting starts with: confidentiality first and prominent, then the general ground
 * rules, the method's own, and the phases in brief. Shared by the start overlay and the dialog.
 */
export function GroundRulesContent({ template, language }: GroundRulesContentProps) {
  const t = useT()
  const generalId = useId()
  const methodId = useId()
  const phasesId = useId()
  const timeline = timelineModel(template, initialProgress(0))
  const total = (timeline.totalEstimated ? '~' : '') + String(timeline.totalMinutes)

  return (
    <div className="rules">
      <p className="rules__confidential">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        <strong>{t('meeting.rules.confidential')}</strong>
      </p>
      <div className="rules__columns">
        <div className="rules__column">
          <section aria-labelledby={generalId}>
            <h3 className="rules__heading" id={generalId}>
              {t('meeting.rules.general')}
            </h3>
            <ul className="rules__list">
              {GENERAL_GROUND_RULES.map((rule) => (
                <li key={rule.nl}>{rule[language]}</li>
              ))}
            </ul>
          </section>
          {template.groundRules.length > 0 ? (
            <section aria-labelledby={methodId}>
              <h3 className="rules__heading" id={methodId}>
                {t('meeting.rules.methodRules')}
              </h3>
              <ul className="rules__list">
                {template.groundRules.map((rule) => (
                  <li key={rule.nl}>{rule[language]}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <section className="rules__column" aria-labelledby={phasesId}>
          <h3 className="rules__heading" id={phasesId}>
            {t('meeting.rules.phases')}
          </h3>
          <ol className="rules__phases">
            {timeline.steps.map((step) => (
              <li key={step.id} className="rules__phase">
                <div className="rules__phase-row">
                  <span className="rules__phase-title">
                    {step.title[language]}
                    {step.optional ? (
                      <span className="rules__tag"> ({t('meeting.timeline.optional')})</span>
                    ) : null}
                  </span>
                  <span
                    className="rules__phase-minutes"
                    title={
                      step.estimated
                        ? t('meeting.timeline.estimated', { minutes: String(step.minutes) })
                        : undefined
                    }
                  >
                    {step.estimated ? '~' : ''}
                    {t('meeting.timeline.minutes', { minutes: String(step.minutes) })}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          <p className="rules__total">{t('meeting.rules.total', { minutes: total })}</p>
        </section>
      </div>
    </div>
  )
}
