import type { LocalizedText, OutcomeKind } from '../schema'
import type { SmartField } from './choices'

/**
 * The words of the reports (Markdown and the printable page), Dutch first. The reports are
 * content people keep, so the renderer writes them in one language, chosen by the reader.
 */
export const KIND_HEADINGS: Record<OutcomeKind, LocalizedText> = {
  case: { nl: 'Casus', en: 'Case' },
  questions: { nl: 'Vragen', en: 'Questions' },
  definitions: { nl: 'Probleemdefinities van de groep', en: 'The group’s problem definitions' },
  definition: { nl: 'De vraag of het probleem van de inbrenger', en: 'The inbrenger’s question or problem' },
  discussion: { nl: 'Verder besproken', en: 'Also discussed' },
  advice: { nl: 'Adviezen', en: 'Advice' },
  action: { nl: 'Actie', en: 'Action' },
  evaluation: { nl: 'Evaluatie', en: 'Evaluation' },
}

export const SMART_LABELS: Record<SmartField, LocalizedText> = {
  specifiek: { nl: 'Specifiek', en: 'Specific' },
  meetbaar: { nl: 'Meetbaar', en: 'Measurable' },
  acceptabel: { nl: 'Acceptabel', en: 'Acceptable' },
  realistisch: { nl: 'Realistisch', en: 'Realistic' },
  tijdgebonden: { nl: 'Tijdgebonden', en: 'Time-bound' },
}

/** What a mark means, where the scale has words for it. */
export const MARK_LABELS: Record<string, LocalizedText> = {
  W: { nl: 'Warm', en: 'Warm' },
  N: { nl: 'Neutraal', en: 'Neutral' },
  K: { nl: 'Koud', en: 'Cold' },
  herkend: { nl: 'Herkend', en: 'Recognised' },
}

export const REPORT_WORDS = {
  summaryTitle: { nl: 'Verslag', en: 'Summary' },
  reflectionTitle: { nl: 'Reflectieverslag', en: 'Reflection report' },
  method: { nl: 'Methode', en: 'Method' },
  date: { nl: 'Datum', en: 'Date' },
  status: { nl: 'Stand', en: 'Status' },
  notStarted: { nl: 'nog niet begonnen', en: 'not started yet' },
  finished: { nl: 'afgerond', en: 'finished' },
  inPhase: { nl: 'bezig, fase', en: 'in progress, phase' },
  inbrenger: { nl: 'Inbrenger', en: 'Inbrenger' },
  begeleider: { nl: 'Begeleider', en: 'Facilitator' },
  others: { nl: 'Deelnemers', en: 'Participants' },
  chosenCase: { nl: 'Gekozen casus', en: 'Chosen case' },
  chosenAdvice: { nl: 'Gekozen advies', en: 'Chosen advice' },
  chosen: { nl: 'gekozen', en: 'chosen' },
  smartAction: { nl: 'Actie (SMART)', en: 'Action (SMART)' },
  notRated: { nl: 'Niet gewaardeerd', en: 'Not rated' },
  nothing: { nl: 'Niets genoteerd.', en: 'Nothing noted.' },
  noChoice: { nl: 'Nog niet gekozen.', en: 'Not chosen yet.' },
  noAction: { nl: 'Nog niet ingevuld.', en: 'Not filled in yet.' },
  toFillIn: { nl: '(nog in te vullen)', en: '(to be filled in)' },
  meeting: { nl: 'De bijeenkomst', en: 'The meeting' },
  by: { nl: 'door', en: 'by' },
  score: { nl: 'score', en: 'score' },
  meanScore: { nl: 'Gemiddelde score', en: 'Average score' },
  scores: { nl: 'scores', en: 'scores' },
  oneScore: { nl: 'score', en: 'score' },
  anonymous: { nl: 'Anoniem: zonder namen.', en: 'Anonymous: without names.' },
} satisfies Record<string, LocalizedText>
