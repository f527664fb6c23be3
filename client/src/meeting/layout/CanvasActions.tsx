import '../../styles/layout.css'
import { useEditor, useValue } from 'tldraw'
import { useT } from '../../i18n/useT'
import { useMeeting } from '../canvas/meetingContext'
import { FollowButtons } from '../follow/FollowButtons'
import { zoneToAddTo } from './addNote'
import { useMeetingLayout } from './layoutContext'
import { QuotaHint } from './QuotaHint'
import { myQuota } from './quotaCount'

/**
 * The bar at the top of the canvas: add a note without a pointer (with what the quota leaves),
 * the phase's zones or the whole board, and following the facilitator. Rendered by tldraw in its
 * top panel, so it sits above the canvas and never over a note.
 */
export function CanvasActions() {
  const editor = useEditor()
  const meeting = useMeeting()
  const layout = useMeetingLayout()
  const t = useT()
  const state = useValue('canvas actions', () => {
    const zoneId = zoneToAddTo(meeting)
    return {
      zoneId,
      quota: zoneId ? myQuota(editor, meeting, zoneId) : null,
      wholeBoard: layout?.$wholeBoard.get() ?? false,
      readonly: meeting.me()?.role === 'observer',
    }
  }, [editor, meeting, layout])
  if (!layout) return null
  return (
    <div className="canvas-actions" role="toolbar" aria-label={t('layout.actions')}>
      {state.readonly ? null : (
        <span className="canvas-actions__group">
          <button
            type="button"
            className="canvas-actions__button canvas-actions__button--primary"
            disabled={state.zoneId === null}
            title={state.zoneId === null ? t('layout.addNote.noZone') : t('layout.addNote.title')}
            aria-keyshortcuts="Shift+N"
            onClick={() => void layout.addNote()}
          >
            <span aria-hidden="true">+ </span>
            {t('layout.addNote')}
          </button>
          {state.zoneId && state.quota ? (
            <QuotaHint zoneId={state.zoneId} quota={state.quota} className="canvas-actions__quota" live />
          ) : null}
        </span>
      )}
      <button
        type="button"
        className="canvas-actions__button"
        aria-pressed={state.wholeBoard}
        title={state.wholeBoard ? t('layout.view.phaseTitle') : t('layout.view.boardTitle')}
        onClick={() => layout.$wholeBoard.set(!state.wholeBoard)}
      >
        {state.wholeBoard ? t('layout.view.phase') : t('layout.view.board')}
      </button>
      <FollowButtons />
    </div>
  )
}
