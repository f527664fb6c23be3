import { useId } from 'react'
import {
  REFLECTION_POINTS,
  REFLECTION_QUESTIONS,
  type ReflectionAnswers,
} from '../../../templates/src/outcome/reflectionPoints'
import type { Language } from '../../../templates/src/outcome/reportMarkdown'
import { useT } from '../i18n/useT'

interface ReflectionFormProps {
  language: Language
  answers: ReflectionAnswers
  onChange: (answers: ReflectionAnswers) => void
}

/**
 * The six points of the inbrenger's reflection report (seed 003). The answers stay in this
 * browser (reflectionStore.ts) and go into the downloaded Markdown and the printout; nothing is sent.
 */
export function ReflectionForm({ language, answers, onChange }: ReflectionFormProps) {
  const t = useT()
  const ids = useId()
  return (
    <section className="report-reflection" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('report.reflection.heading')}</h2>
      <p className="report-choices__lead no-print">{t('report.reflection.lead')}</p>
      <ol className="report-reflection__points">
        {REFLECTION_POINTS.map((point) => (
          <li key={point} className="field">
            <label className="field__label" htmlFor={`${ids}-${point}`}>
              {REFLECTION_QUESTIONS[point][language]}
            </label>
            <p className="print-only report-reflection__printed">{answers[point]?.trim() || '…'}</p>
            <textarea
              id={`${ids}-${point}`}
              className="field__input report-reflection__answer no-print"
              rows={3}
              value={answers[point] ?? ''}
              onChange={(e) => onChange({ ...answers, [point]: e.target.value })}
            />
          </li>
        ))}
      </ol>
    </section>
  )
}
