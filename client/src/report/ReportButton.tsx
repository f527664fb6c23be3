import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { useT } from '../i18n/useT'
import type { MeetingState } from '../meeting/meetingState'
import type { MeetingUiProps } from '../meeting/meetingUi'
import { mayOpenReport } from './reportAccess'
import { useSealedReflection } from './useSealedReflection'

/**
 * The report (its page, the board image, the Markdown) is a chunk of its own, not part of the
 * meeting's first load; it is fetched once the board is up, so opening it does not wait.
 */
const loadReportDialog = () => import('./ReportDialog').then((m) => ({ default: m.ReportDialog }))
const ReportDialog = lazy(loadReportDialog)

interface ReportButtonProps extends Pick<MeetingUiProps, 'view' | 'me'> {
  editor: Editor | null
  meeting: MeetingState
  /** My session in this meeting: the sealed reflection report is stored with it. */
  token: string
}

/**
 * "Verslag" in the meeting's header: for everyone once the meeting is finished, for the
 * facilitator and the inbrenger at any time, for whoever may write the evaluation now. Opens the report page over the board. The
 * inbrenger's reflection answers live here, in this browser and, sealed, on the server
 * (useSealedReflection.ts), so closing the page or the tab does not lose them.
 */
export function ReportButton({ view, me, editor, meeting, token }: ReportButtonProps) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const reflection = useSealedReflection(
    view.meetingId,
    meeting.participantId,
    token,
    me.role === 'inbrenger',
  )
  const close = useCallback(() => setOpen(false), [])
  const shown = editor !== null
  useEffect(() => {
    if (shown) void loadReportDialog()
  }, [shown])
  if (!editor || !mayOpenReport(meeting.template, view, me, meeting.phaseId())) return null
  return (
    <>
      <button
        type="button"
        className={view.progress.finished ? 'button button--primary' : 'button button--quiet'}
        title={t('report.buttonTitle')}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('report.button')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ReportDialog editor={editor} meeting={meeting} reflection={reflection} onClose={close} />
        </Suspense>
      ) : null}
    </>
  )
}
