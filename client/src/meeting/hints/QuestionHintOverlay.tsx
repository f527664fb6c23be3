import './hints.css'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { QUESTION_ZONE_IDS } from '../../../../shared/openQuestions'
import { useT } from '../../i18n/useT'
import { useMeeting } from '../canvas/meetingContext'
import { readZoneNotes } from '../list/zoneNotes'
import { hintsFor } from './questionHints'

/**
 * The open-question hint on the canvas: a small tag ("Gesloten?") on the top edge of a
 * question note that reads as closed or suggestive, seen by its author and the begeleider. It sits
 * in the gap above the note, where the W/N/K marks sit on the other side, so it never covers a
 * note's text and never runs below the last row; the open form to try ("Probeer: Wat heb je …?")
 * is in its tooltip and read out by screen readers. Nothing is refused on it.
 */
export function QuestionHintOverlay() {
  const editor = useEditor()
  const meeting = useMeeting()
  const t = useT()
  const placed = useValue('question hints', () => {
    const me = meeting.me()
    if (!me) return []
    const zones = meeting.template.zones.filter((zone) => QUESTION_ZONE_IDS.has(zone.id))
    return zones.flatMap((zone) =>
      hintsFor(readZoneNotes(editor, meeting, zone.id), me).flatMap(({ noteId, hint }) => {
        const bounds = editor.getShapePageBounds(noteId as TLShapeId)
        return bounds ? [{ noteId, hint, x: bounds.x, y: bounds.y }] : []
      }),
    )
  }, [editor, meeting])
  return (
    <>
      {placed.map(({ noteId, hint, x, y }) => (
        <div key={noteId} className="question-hint-anchor" style={{ transform: `translate(${x}px, ${y}px)` }}>
          <div
            className={`question-hint question-hint--${hint.kind}`}
            data-note={noteId}
            title={`${t(`hint.question.${hint.kind}`)} ${t('hint.question.try')} ${hint.openForm}\n${t(`hint.question.title.${hint.kind}`)}`}
          >
            <strong aria-hidden="true">{t(`hint.question.tag.${hint.kind}`)}</strong>
            <span className="visually-hidden">
              {t(`hint.question.${hint.kind}`)} {t('hint.question.try')}{' '}
              <span lang={hint.language}>{hint.openForm}</span>
            </span>
          </div>
        </div>
      ))}
    </>
  )
}
