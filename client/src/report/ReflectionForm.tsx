import { useId } from 'react'
import { GROUP_TIME_ZONE } from '../../../shared/groups/groupTime'
import {
  REFLECTION_POINTS,
  REFLECTION_QUESTIONS,
  type ReflectionAnswers,
} from '../../../shared/outcome/reflectionPoints'
import type { Language } from '../../../shared/outcome/reportMarkdown'
import type { ReflectionSignOff } from '../../../shared/outcome/sealedReflection'
import { wordApiError } from '../api/apiErrors'
import { formatDay } from '../groups/groupDates'
import { useT } from '../i18n/useT'
import type { ReflectionSave } from './useSealedReflection'

interface ReflectionFormProps {
  language: Language
  answers: ReflectionAnswers
  onChange: (answers: ReflectionAnswers) => void
  save: ReflectionSave
  signOff: ReflectionSignOff | null
}

/**
 * The six points of the inbrenger's reflection report (seed 003). The answers stay in this
 * browser and, sealed with the meeting key, on the server (useSealedReflection.ts); they go into
 * the downloaded Markdown and the printout. Signed off, they no longer change.
 */
export function ReflectionForm({ language, answers, onChange, save, signOff }: ReflectionFormProps) {
  const t = useT()
  const ids = useId()
  const readOnly = signOff !== null
  return (
    <section className="report-reflection" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('report.reflection.heading')}</h2>
      <p className="report-choices__lead no-print">
        {t(save.kind === 'local' ? 'reflection.leadNoKey' : 'reflection.lead')}
      </p>
      {signOff ? (
        <p className="report-reflection__signed">
          {t('reflection.signedOff', {
            name: signOff.name,
            date: formatDay(signOff.at, language, GROUP_TIME_ZONE),
          })}
        </p>
      ) : null}
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
              readOnly={readOnly}
              onChange={(e) => onChange({ ...answers, [point]: e.target.value })}
            />
          </li>
        ))}
      </ol>
      {/* Only while there is something to say: a page with the inbrenger's choices has its own status. */}
      {save.kind === 'saving' || save.kind === 'saved' ? (
        <p className="field__hint no-print" role="status">
          {t(save.kind === 'saving' ? 'reflection.saving' : 'reflection.saved')}
        </p>
      ) : null}
      {save.kind === 'failed' ? (
        <p className="field__error no-print" role="alert">
          {t('reflection.failed', { reason: wordApiError(t, save.error) })}
        </p>
      ) : null}
    </section>
  )
}
