import './boardImage.css'
import { useState } from 'react'
import type { Editor } from 'tldraw'
import { useLanguage } from '../../i18n/useT'
import type { MeetingState } from '../../meeting/meetingState'
import { downloadBlob } from '../download'
import { reportFileName } from '../reportAccess'
import { type BoardImageMessageKey, boardImageText } from './boardImageMessages'
import { boardPng, boardSvg } from './exportBoardImage'

interface BoardImageButtonsProps {
  editor: Editor
  meeting: MeetingState
  title: string
  date: string
}

type Format = 'svg' | 'png'

/**
 * "Bord als afbeelding" on the report page: the board with its zone titles, W/N/K columns, marks
 * and votes, as SVG or PNG. Making a picture takes a moment (fonts are embedded, the PNG is
 * drawn), so the buttons wait and say so; a failure says what to try, and nothing is lost.
 */
export function BoardImageButtons({ editor, meeting, title, date }: BoardImageButtonsProps) {
  const language = useLanguage()
  const t = (key: BoardImageMessageKey) => boardImageText(language, key)
  const [busy, setBusy] = useState<Format | null>(null)
  const [problem, setProblem] = useState<BoardImageMessageKey | null>(null)

  const save = async (format: Format) => {
    setBusy(format)
    setProblem(null)
    try {
      const image = await boardSvg(editor, meeting, language, date)
      if (!image) return setProblem('image.empty')
      const blob =
        format === 'svg'
          ? new Blob([image.svg], { type: 'image/svg+xml;charset=utf-8' })
          : await boardPng(image)
      if (!blob) return setProblem('image.failed')
      downloadBlob(reportFileName(title, 'bord', format), blob)
    } catch {
      setProblem('image.failed')
    } finally {
      setBusy(null)
    }
  }

  const label = t('image.label')
  return (
    <fieldset className="board-image no-print" aria-label={label}>
      <span className="board-image__label" aria-hidden="true">
        {label}
      </span>
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          aria-label={`${label}: ${t(`image.${format}`)}`}
          title={t(`image.${format}Title`)}
          disabled={busy !== null}
          onClick={() => void save(format)}
        >
          {t(`image.${format}`)}
        </button>
      ))}
      {busy ? (
        <span className="board-image__status" role="status">
          {t('image.busy')}
        </span>
      ) : null}
      {problem ? (
        <span className="board-image__problem" role="alert">
          {t(problem)}
        </span>
      ) : null}
    </fieldset>
  )
}
