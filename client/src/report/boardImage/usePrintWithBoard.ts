import { useCallback, useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type { Language } from '../../i18n/language'
import type { MeetingState } from '../../meeting/meetingState'
import { boardSvg } from './exportBoardImage'

/**
 * "Afdrukken" with the board on paper: the board picture (the same as "Bord als afbeelding") is
 * drawn first, shown only in print under the report's facts, then the browser's print opens.
 * Drawn on demand, not while the page is open: it embeds fonts and takes a moment. If it cannot be
 * drawn, the report prints without it.
 */
export function usePrintWithBoard(editor: Editor, meeting: MeetingState, language: Language, date: string) {
  const [boardUrl, setBoardUrl] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)
  useEffect(() => () => void (boardUrl && URL.revokeObjectURL(boardUrl)), [boardUrl])
  const print = useCallback(async () => {
    setPreparing(true)
    try {
      const image = await boardSvg(editor, meeting, language, date).catch(() => null)
      if (image) setBoardUrl(URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' })))
      // Once the picture is in the page and decoded, the print dialog sees it.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      await document
        .querySelector<HTMLImageElement>('.report-board img')
        ?.decode()
        .catch(() => undefined)
    } finally {
      setPreparing(false)
    }
    window.print()
  }, [editor, meeting, language, date])
  return { print, boardUrl, preparing }
}
