import type { ZONE_KINDS } from '../../../../shared/schema'
import { defineMessages } from '../../i18n/defineMessages'
import type { Language } from '../../i18n/language'

/**
 * Texts of "the board as an image": the buttons on the report page, and the words drawn into the
 * image itself (zone kinds, votes, the caption). Dutch first. Kept apart from the app's dictionary
 * because the pure layer (boardImageLayer.ts) words the image without React.
 */
export const boardImageMessages = defineMessages(
  {
    'image.label': 'Bord als afbeelding',
    'image.svg': 'SVG',
    'image.png': 'PNG',
    'image.svgTitle': 'Het bord met zonetitels en waarderingen als SVG (scherp op elke grootte)',
    'image.pngTitle': 'Het bord met zonetitels en waarderingen als PNG (een gewone afbeelding)',
    'image.busy': 'Afbeelding maken…',
    'image.failed': 'De afbeelding lukte niet. Probeer het nog eens; lukt het weer niet, gebruik dan SVG.',
    'image.empty': 'Er staat nog niets op het bord om af te beelden.',
    'image.kind.flap': 'flap',
    'image.kind.column': 'kolom',
    'image.kind.area': 'vlak',
    'image.kind.list': 'lijst',
    'image.kind.form': 'formulier',
    'image.votesOne': '1 stem',
    'image.votes': '{count} stemmen',
    'image.caption': '{method} · {date}',
  },
  {
    'image.label': 'Board as an image',
    'image.svg': 'SVG',
    'image.png': 'PNG',
    'image.svgTitle': 'The board with zone titles and ratings as SVG (sharp at any size)',
    'image.pngTitle': 'The board with zone titles and ratings as PNG (an ordinary picture)',
    'image.busy': 'Making the image…',
    'image.failed': 'The image could not be made. Try once more; if it fails again, use SVG.',
    'image.empty': 'There is nothing on the board to picture yet.',
    'image.kind.flap': 'flip-over',
    'image.kind.column': 'column',
    'image.kind.area': 'area',
    'image.kind.list': 'list',
    'image.kind.form': 'form',
    'image.votesOne': '1 vote',
    'image.votes': '{count} votes',
    'image.caption': '{method} · {date}',
  },
)

export type BoardImageMessageKey = keyof typeof boardImageMessages.nl

/** A text of this feature in a language, `{placeholders}` filled in. */
export function boardImageText(
  language: Language,
  key: BoardImageMessageKey,
  values?: Record<string, string>,
): string {
  const text = boardImageMessages[language][key]
  if (!values) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/** How a zone's kind reads next to its title. */
export function kindText(language: Language, kind: (typeof ZONE_KINDS)[number]): string {
  return boardImageText(language, `image.kind.${kind}`)
}
