import './hints.css'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { QUESTION_ZONE_IDS } from '../../../../shared/openQuestions'
import { useT } from '../../i18n/useT'
import { useMeeting } from '../canvas/meetingContext'
import { readZoneNotes } from '../list/zoneNotes'
import { hintsFor } from './questionHints'

/**
 * The open-question hint on the canvas: under a question note that reads as closed or suggestive,
 * a small quiet line ("Gesloten vraag? Probeer: Wat heb je …?"), seen by its author and the
 * begeleider. It never blocks: it takes no pointer and nothing is refused on it.
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
        return bounds ? [{ noteId, hint, x: bounds.x, y: bounds.maxY, width: bounds.w }] : []
      }),
    )
  }, [editor, meeting])
  return (
    <>
      {placed.map(({ noteId, hint, x, y, width }) => (
        <div
          key={noteId}
          className={`question-hint question-hint--${hint.kind}`}
          style={{ transform: `translate(${x}px, ${y + 4}px)`, width }}
          data-note={noteId}
          title={t(`hint.question.title.${hint.kind}`)}
        >
          <strong>{t(`hint.question.${hint.kind}`)}</strong> {t('hint.question.try')}{' '}
          <span lang={hint.language}>{hint.openForm}</span>
        </div>
      ))}
    </>
  )
}
