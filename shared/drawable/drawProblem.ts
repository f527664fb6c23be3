import type { LocalizedText } from '../schema'

/**
 * Why the editor could not draw a record: a stable code for programs and tests, where in the
 * record it is (a path such as `props.richText.content[0].marks[1]`), and a sentence for people.
 */
export interface DrawProblem {
  code: DrawProblemCode
  where: string
  text: LocalizedText
}

export type DrawProblemCode =
  | 'recordType'
  | 'shapeType'
  | 'notANumber'
  | 'outOfBounds'
  | 'richText'
  | 'noPoints'
  | 'tooManyPoints'
  | 'badPath'
  | 'zeroLength'
  | 'badField'

const TEXTS: Record<DrawProblemCode, LocalizedText> = {
  recordType: {
    nl: 'Dit soort gegevens hoort niet op het bord.',
    en: 'This kind of record does not belong on the board.',
  },
  shapeType: {
    nl: 'Dit soort element wordt op dit bord niet gebruikt.',
    en: 'This kind of shape is not used on this board.',
  },
  notANumber: {
    nl: 'Een maat of positie is geen gewoon getal.',
    en: 'A size or position is not an ordinary number.',
  },
  outOfBounds: {
    nl: 'Een maat of positie is veel groter of kleiner dan het bord aankan.',
    en: 'A size or position is far larger or smaller than the board can handle.',
  },
  richText: {
    nl: 'De tekst is opgemaakt op een manier die de teksteditor van het bord niet kent.',
    en: "The text is formatted in a way the board's text editor does not know.",
  },
  noPoints: {
    nl: 'Een lijn of tekening zonder punten kan niet worden getekend.',
    en: 'A line or drawing without points cannot be drawn.',
  },
  tooManyPoints: {
    nl: 'Deze lijn of tekening heeft meer punten dan het bord aankan.',
    en: 'This line or drawing has more points than the board can handle.',
  },
  badPath: {
    nl: 'De punten van deze tekening zijn onleesbaar.',
    en: 'The points of this drawing cannot be read.',
  },
  zeroLength: {
    nl: 'Een pijl moet een begin en een eind hebben die niet op dezelfde plek liggen.',
    en: 'An arrow needs a start and an end that are not in the same place.',
  },
  badField: {
    nl: 'Een veld van dit element heeft een vorm die het bord niet kan tekenen.',
    en: 'A field of this record has a form the board cannot draw.',
  },
}

export function problem(code: DrawProblemCode, where: string): DrawProblem {
  return { code, where, text: TEXTS[code] }
}

/** The sentence with its code and place, as a refusal carries it. */
export function describeProblem(p: DrawProblem): LocalizedText {
  return {
    nl: `${p.text.nl} (${p.code} bij ${p.where})`,
    en: `${p.text.en} (${p.code} at ${p.where})`,
  }
}
