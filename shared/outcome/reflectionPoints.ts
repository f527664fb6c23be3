import type { LocalizedText } from '../schema'

/**
 * The six points of the inbrenger's reflection report (seed 003, "Zes fasen"): written after
 * the meeting, from the notes made during it; the skill is signed off on it.
 */
export const REFLECTION_POINTS = [
  'inzichten',
  'adviezen-gedaan',
  'gevoelens',
  'adviezen-ervaren',
  'verbeterd',
  'aandacht',
] as const
export type ReflectionPoint = (typeof REFLECTION_POINTS)[number]

export const REFLECTION_QUESTIONS: Record<ReflectionPoint, LocalizedText> = {
  inzichten: { nl: 'Welke inzichten heb je nu?', en: 'What insights do you have now?' },
  'adviezen-gedaan': {
    nl: 'Wat heb je met de adviezen binnen de praktijk gedaan?',
    en: 'What have you done with the advice in practice?',
  },
  gevoelens: {
    nl: 'Wat waren je gevoelens na de bespreking?',
    en: 'What were your feelings after the discussion?',
  },
  'adviezen-ervaren': { nl: 'Hoe heb je de adviezen ervaren?', en: 'How did you experience the advice?' },
  verbeterd: {
    nl: 'Denk je dat er nu iets ten goede veranderd is?',
    en: 'Do you think something has changed for the better?',
  },
  aandacht: {
    nl: 'Is er iets blijven liggen wat aandacht vraagt?',
    en: 'Is something left that still asks for attention?',
  },
}

/** The inbrenger's answers, per point (kept in their browser; absent: still to be written). */
export type ReflectionAnswers = Partial<Record<ReflectionPoint, string>>
