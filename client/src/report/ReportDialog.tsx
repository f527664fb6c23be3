import '../styles/report.css'
import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import { type Editor, useValue } from 'tldraw'
import { DOCUMENT_ID } from '../../../shared/boardRecords'
import { evaluationZoneFor, withEvaluationAnonymous } from '../../../shared/outcome/evaluation'
import { outcomeGaps } from '../../../shared/outcome/outcomeGaps'
import { reflectionMarkdown, summaryMarkdown } from '../../../shared/outcome/reportMarkdown'
import { useLanguage, useT } from '../i18n/useT'
import type { MeetingState } from '../meeting/meetingState'
import { gapWords } from '../meeting/outcome/outcomeGapsView'
import { BoardImageButtons } from './boardImage/BoardImageButtons'
import { usePrintWithBoard } from './boardImage/usePrintWithBoard'
import { downloadText } from './download'
import { EvaluationForm } from './EvaluationForm'
import { InbrengerChoices } from './InbrengerChoices'
import { ReflectionForm } from './ReflectionForm'
import { ReportView } from './ReportView'
import { readOutcome } from './readOutcome'
import { choicesOpen, reportFileName } from './reportAccess'
import type { useSealedReflection } from './useSealedReflection'

interface ReportDialogProps {
  editor: Editor
  meeting: MeetingState
  reflection: ReturnType<typeof useSealedReflection>
  onClose: () => void
}

/**
 * The report page, over the board: the meeting summary as it stands (it follows the board
 * live), the inbrenger's choices while the meeting runs, the reflection report for the
 * inbrenger; print (the browser's PDF) and download as Markdown. Printing shows only this page.
 */
export function ReportDialog({ editor, meeting, reflection, onClose }: ReportDialogProps) {
  const t = useT()
  const language = useLanguage()
  const closeRef = useRef<HTMLButtonElement>(null)
  const view = useValue('meeting view', () => meeting.$view.get(), [meeting])
  const outcome = useValue('outcome', () => (view ? readOutcome(editor, meeting.template, view) : null), [
    editor,
    meeting,
    view,
  ])
  const date = new Date().toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })
  const printing = usePrintWithBoard(editor, meeting, language, date)
  useEffect(() => {
    closeRef.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  // With the role the rules give now: in the topic walk the topic's owner is its inbrenger.
  const me = view ? meeting.me() : null
  if (!view || !me || !outcome) return null
  const gaps = outcomeGaps(meeting.template, outcome)
  const open = choicesOpen(meeting.template, view, me, meeting.phaseId())
  const isInbrenger = me.role === 'inbrenger'
  const evaluationZone = view.progress.finished
    ? null
    : evaluationZoneFor(meeting.template, meeting.phaseId(), me.role)
  const options = { language, date }

  return createPortal(
    <div className="report-root" role="dialog" aria-modal="true" aria-labelledby="report-title">
      <div className="report-page">
        <div className="report-toolbar no-print">
          <h1 id="report-title" className="report-toolbar__title">
            {t('report.title')}
          </h1>
          <button
            type="button"
            className="button"
            onClick={() => void printing.print()}
            disabled={printing.preparing}
            aria-busy={printing.preparing}
          >
            {t('report.print')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadText(reportFileName(view.title, 'verslag'), summaryMarkdown(outcome, options))
            }
          >
            {t('report.downloadSummary')}
          </button>
          {isInbrenger ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                downloadText(
                  reportFileName(view.title, 'reflectieverslag'),
                  reflectionMarkdown(outcome, reflection.answers, options),
                )
              }
            >
              {t('report.downloadReflection')}
            </button>
          ) : null}
          <BoardImageButtons editor={editor} meeting={meeting} title={view.title} date={date} />
          <button ref={closeRef} type="button" className="button button--quiet" onClick={onClose}>
            {t('report.close')}
          </button>
        </div>
        {isInbrenger && (open.action || open.advice) ? (
          <InbrengerChoices editor={editor} outcome={outcome} open={open} />
        ) : null}
        {isInbrenger && view.progress.finished ? (
          <p className="report-empty no-print">
            {gaps.length === 0
              ? t('report.choices.finished')
              : t('report.choices.finishedGaps', { gaps: gapWords(language, gaps) })}
          </p>
        ) : null}
        {evaluationZone ? (
          <EvaluationForm
            editor={editor}
            meeting={meeting}
            zoneId={evaluationZone}
            anonymous={outcome.evaluation.anonymous}
          />
        ) : null}
        {me.role === 'begeleider' && !view.progress.finished ? (
          <label className="report-anonymous no-print">
            <input
              type="checkbox"
              checked={outcome.evaluation.anonymous}
              onChange={(e) => setAnonymous(editor, e.target.checked)}
            />
            {t('report.evaluation.anonymous')}
          </label>
        ) : null}
        <ReportView
          outcome={outcome}
          language={language}
          date={date}
          board={
            printing.boardUrl ? (
              <figure className="report-board print-only">
                <img src={printing.boardUrl} alt={t('report.boardAlt')} />
              </figure>
            ) : null
          }
        />
        {isInbrenger ? (
          <ReflectionForm
            language={language}
            answers={reflection.answers}
            onChange={reflection.change}
            save={reflection.save}
            signOff={reflection.signOff}
          />
        ) : null}
      </div>
    </div>,
    document.body,
  )
}

/** The facilitator's setting: the evaluation without names in the reports (document record). */
function setAnonymous(editor: Editor, anonymous: boolean): void {
  const document = editor.store.get(DOCUMENT_ID as never)
  if (document) editor.store.put([withEvaluationAnonymous(document as never, anonymous)])
}
