import { defineMessages } from '../../i18n/defineMessages'
import type { Language } from '../../i18n/language'

/**
 * Texts of the notes list and the W/N/K columns, Dutch first. The stored mark stays 'W', 'N' or
 * 'K' (or 'herkend', or a score); only what people read changes with the language: the method's
 * own W/N/K in Dutch, Warm/Neutral/Cold in English.
 */
export const ratingMessages = defineMessages(
  {
    'mark.W.badge': 'W',
    'mark.N.badge': 'N',
    'mark.K.badge': 'K',
    'mark.herkend.badge': '◯',
    'mark.W.name': 'warm',
    'mark.N.name': 'neutraal',
    'mark.K.name': 'koud',
    'mark.herkend.name': 'herkend',
    'mark.W.heading': 'W · warm',
    'mark.N.heading': 'N · neutraal',
    'mark.K.heading': 'K · koud',
    'mark.herkend.heading': 'Herkend',
    'mark.none.heading': 'Nog niet gewaardeerd',
    'mark.none.column': 'Nog te waarderen',
    'mark.none.badge': '?',
    'mark.none.name': 'nog niet gewaardeerd',
    'mark.score.heading': 'Cijfer {value}',
    'mark.all.heading': 'Alle notities',

    'list.label': 'Notities in de zone “{zone}”',
    'list.zoneSwitch': 'Welke zone',
    'list.count': '{count} notities',
    'list.countOne': '1 notitie',
    'list.empty': 'Nog geen notities in deze zone.',
    'list.groupEmpty': 'Geen',
    'list.by': 'van {name}',
    'list.you': 'jij',
    'list.unknownAuthor': 'onbekend',
    'list.noText': '(zonder tekst)',
    'list.draft': 'alleen voor jou zichtbaar',
    'list.marksFor': 'Waardering voor: {text}',
    'list.howTo.wnk':
      'Kies per notitie W, N of K: met de knoppen (Tab), of kies een notitie met de pijltjes en druk op W, N of K. Delete haalt de waardering weg. Slepen naar een kolom op het bord kan ook.',
    'list.howTo.mark':
      'Zet een teken bij wat je herkent: met de knop (Tab), of kies een notitie met de pijltjes en druk op H. Delete haalt het teken weg.',
    'list.howTo.score10':
      'Geef elke notitie een cijfer: met de knoppen (Tab), of kies een notitie met de pijltjes en typ het cijfer (0 is 10). Delete haalt het weg.',
    'list.howTo.own':
      'Geef je eigen onderwerp een cijfer: met de knoppen (Tab), of kies het met de pijltjes en typ het cijfer (0 is 10). De anderen geven het hunne.',
    'list.watching': 'De inbrenger waardeert; hier zie je de stand.',
    'list.outcomePrompt':
      'Jouw stap: open Verslag, kies het advies dat je meeneemt en schrijf je actie. Nog leeg: {gaps}.',
    'list.announce': '{mark}: {text}.',
    'list.tally': 'Stand: {tally}.',
    'list.hide': 'Notitielijst inklappen',
    'list.show': 'Notitielijst tonen',

    'columns.label': 'Kolommen van de flap',
  },
  {
    'mark.W.badge': 'Warm',
    'mark.N.badge': 'Neutral',
    'mark.K.badge': 'Cold',
    'mark.herkend.badge': '◯',
    'mark.W.name': 'warm',
    'mark.N.name': 'neutral',
    'mark.K.name': 'cold',
    'mark.herkend.name': 'recognised',
    'mark.W.heading': 'Warm',
    'mark.N.heading': 'Neutral',
    'mark.K.heading': 'Cold',
    'mark.herkend.heading': 'Recognised',
    'mark.none.heading': 'Not rated yet',
    'mark.none.column': 'Not rated yet',
    'mark.none.badge': '?',
    'mark.none.name': 'not rated yet',
    'mark.score.heading': 'Score {value}',
    'mark.all.heading': 'All notes',

    'list.label': 'Notes in the zone “{zone}”',
    'list.zoneSwitch': 'Which zone',
    'list.count': '{count} notes',
    'list.countOne': '1 note',
    'list.empty': 'No notes in this zone yet.',
    'list.groupEmpty': 'None',
    'list.by': 'by {name}',
    'list.you': 'you',
    'list.unknownAuthor': 'unknown',
    'list.noText': '(no text)',
    'list.draft': 'visible to you only',
    'list.marksFor': 'Rating for: {text}',
    'list.howTo.wnk':
      'Rate each note Warm, Neutral or Cold: with its buttons (Tab), or pick a note with the arrow keys and press W, N or C. Delete removes the rating. You can also drag a note into its column on the board.',
    'list.howTo.mark':
      'Mark what you recognise: with its button (Tab), or pick a note with the arrow keys and press R. Delete removes the mark.',
    'list.howTo.score10':
      'Give each note a score: with its buttons (Tab), or pick a note with the arrow keys and type the score (0 is 10). Delete removes it.',
    'list.howTo.own':
      'Score your own topic: with its buttons (Tab), or pick it with the arrow keys and type the score (0 is 10). The others score theirs.',
    'list.watching': 'The case presenter rates; here you see how it stands.',
    'list.outcomePrompt':
      'Your step: open Report, choose the advice you take along and write your action. Still empty: {gaps}.',
    'list.announce': '{mark}: {text}.',
    'list.tally': 'Now: {tally}.',
    'list.hide': 'Fold the notes list',
    'list.show': 'Show the notes list',

    'columns.label': 'Columns of the flip-over',
  },
)

export type RatingMessageKey = keyof typeof ratingMessages.nl
export type RatingT = (key: RatingMessageKey, values?: Record<string, string>) => string

/** A text of this feature in a language, `{placeholders}` filled in. */
export function ratingText(
  language: Language,
  key: RatingMessageKey,
  values?: Record<string, string>,
): string {
  const text = ratingMessages[language][key]
  if (!values) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

type MarkForm = 'badge' | 'name' | 'heading'

/**
 * How a mark reads: on a note's badge, in a sentence, or as a group heading. null is "not rated
 * yet"; a score reads as its number.
 */
export function markText(t: RatingT, mark: string | null, form: MarkForm): string {
  if (mark === null) return t(`mark.none.${form}`)
  if (mark === 'W' || mark === 'N' || mark === 'K' || mark === 'herkend') return t(`mark.${mark}.${form}`)
  return form === 'heading' ? t('mark.score.heading', { value: mark }) : mark
}
