import '../styles/report.css'
import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { GROUP_TIME_ZONE } from '../../../shared/groups/groupTime'
import {
  REFLECTION_POINTS,
  REFLECTION_QUESTIONS,
  type ReflectionAnswers,
} from '../../../shared/outcome/reflectionPoints'
import type { SealedReflection } from '../../../shared/outcome/sealedReflection'
import { formatDay } from '../groups/groupDates'
import { useLanguage, useT } from '../i18n/useT'

interface ReflectionPrintProps {
  reflection: SealedReflection
  answers: ReflectionAnswers
  /** The meeting the report is about, as the look-back names it. */
  meeting: { date: number; method: { nl: string; en: string } }
  /** Shown to a begeleider while the report is not signed off yet. */
  signOffButton: React.ReactNode
  onClose(): void
}

/**
 * The reflection report on paper, for the sign-off (seed 003: the skill is signed off on it): the
 * six points, who wrote it about which meeting, and the begeleider's sign-off as the server
 * recorded it. Printing shows only this page (report.css).
 */
export function ReflectionPrint({
  reflection,
  answers,
  meeting,
  signOffButton,
  onClose,
}: ReflectionPrintProps) {
  const t = useT()
  const language = useLanguage()
  const backRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    backRef.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const signOff = reflection.signOff
  return createPortal(
    <div
      className="report-root reflection-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby="reflection-print-title"
    >
      <div className="report-page">
        <div className="report-toolbar no-print">
          <p className="report-toolbar__title">{t('reflection.print')}</p>
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
          {signOff ? null : signOffButton}
          <button ref={backRef} type="button" className="button button--quiet" onClick={onClose}>
            {t('reflection.printClose')}
          </button>
        </div>
        <h1 id="reflection-print-title" className="report-summary__title">
          {t('reflection.print.title')}
        </h1>
        <p>{t('reflection.print.author', { name: reflection.authorName })}</p>
        <p>
          {t('reflection.print.meeting', {
            date: formatDay(meeting.date, language, GROUP_TIME_ZONE),
            method: meeting.method[language],
          })}
        </p>
        <section className="report-reflection">
          <ol className="report-reflection__points">
            {REFLECTION_POINTS.map((point) => (
              <li key={point} className="field">
                <h2 className="field__label">{REFLECTION_QUESTIONS[point][language]}</h2>
                <p className="report-reflection__printed reflection-print__answer">
                  {answers[point]?.trim() || t('reflection.lookBack.empty')}
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section className="reflection-print__sign-off">
          <h2 className="field__label">{t('reflection.print.signOff')}</h2>
          <p data-testid="reflection-sign-off">
            {signOff
              ? t('reflection.print.signedBy', {
                  name: signOff.name,
                  date: formatDay(signOff.at, language, GROUP_TIME_ZONE),
                })
              : t('reflection.print.notSigned')}
          </p>
        </section>
      </div>
    </div>,
    document.body,
  )
}
