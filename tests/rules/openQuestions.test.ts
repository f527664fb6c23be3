import { describe, expect, it } from 'vitest'
import { QUESTION_ZONE_IDS, questionHint } from '../../shared/openQuestions'

/**
 * The open-question hint, read against questions as people write them in an intervisie meeting:
 * open ones get no hint, closed ones (yes or no) and suggestive ones (advice or an opinion dressed as
 * a question) get one, with an open opening in the question's own language.
 */
type Expected = 'open' | 'closed' | 'suggestive'
const table: ReadonlyArray<readonly [string, Expected]> = [
  // Dutch, open
  ['Wat heb je al geprobeerd?', 'open'],
  ['Hoe reageerde je team?', 'open'],
  ['Wie waren er allemaal bij dat gesprek?', 'open'],
  ['Waar liep je precies tegenaan?', 'open'],
  ['Wanneer merkte je voor het eerst dat het schuurde?', 'open'],
  ['Welke rol speelde je leidinggevende hierin?', 'open'],
  ['Wat maakt dat dit je zo raakt?', 'open'],
  ['Hoeveel tijd heb je ervoor gekregen?', 'open'],
  ['Waardoor denk je dat het escaleerde?', 'open'],
  ['In hoeverre heeft de ouder zich gehoord gevoeld?', 'open'],
  ['Met wie heb je er al over gesproken?', 'open'],
  ['Wat zou je het liefst willen dat er gebeurt?', 'open'],
  ['En wat deed jij toen?', 'open'],
  ['1. Wat is voor jou het belangrijkste in deze casus?', 'open'],
  ['Waarom is dit nu urgent voor je?', 'open'],
  // Dutch, closed
  ['Heb je dit al met je leidinggevende besproken?', 'closed'],
  ['Ben je boos geworden?', 'closed'],
  ['Is er een verslag van dat gesprek?', 'closed'],
  ['Klopt het dat de cliënt zelf om hulp vroeg?', 'closed'],
  ['Kun je het gesprek nog een keer overdoen?', 'closed'],
  ['Voelde je je gesteund door je collega’s?', 'closed'],
  ['Maar weet je wat de ouders ervan vinden?', 'closed'],
  ['Had je verwacht dat ze zo zou reageren?', 'closed'],
  ['Speelt er thuis ook iets bij hem?', 'closed'],
  ['Vraag: gaat het nu beter met de leerling?', 'closed'],
  // Dutch, suggestive
  ['Is het niet zo dat je te snel wilde ingrijpen?', 'suggestive'],
  ['Zou je niet eerst met het team moeten praten?', 'suggestive'],
  ['Wil je niet liever een andere aanpak proberen?', 'suggestive'],
  ['Vind je niet dat je collega hier een grens overging?', 'suggestive'],
  ['Ben je niet gewoon moe?', 'suggestive'],
  ['Heb je er al aan gedacht om een time-out te nemen?', 'suggestive'],
  ['Zou het kunnen dat je je verantwoordelijk voelt voor zijn gedrag?', 'suggestive'],
  ['Waarom heb je de ouders niet meteen gebeld?', 'suggestive'],
  ['Je vond dat eigenlijk wel spannend, toch?', 'suggestive'],
  ['Denk je niet dat het aan de planning ligt?', 'suggestive'],
  // English, open
  ['What have you tried so far?', 'open'],
  ['How did your team react?', 'open'],
  ['Who else was involved?', 'open'],
  ['When did you first notice the tension?', 'open'],
  ['Which part of the conversation stayed with you?', 'open'],
  ['To what extent did you feel supported?', 'open'],
  ['So what would you like to happen next?', 'open'],
  // English, closed
  ['Did you talk to your manager about it?', 'closed'],
  ['Have you spoken to the parents?', 'closed'],
  ['Is there a protocol for this?', 'closed'],
  ['Can you say no to this request?', 'closed'],
  ['Were you surprised by her reaction?', 'closed'],
  // English, suggestive
  ["Don't you think you should escalate this?", 'suggestive'],
  ['Isn’t it true that the deadline was unrealistic?', 'suggestive'],
  ["Wouldn't it be better to wait a week?", 'suggestive'],
  ['Have you considered asking for a mediator?', 'suggestive'],
  ["Why don't you just tell him how you feel?", 'suggestive'],
  ['You were angry, right?', 'suggestive'],
  ["Shouldn't you have involved HR earlier?", 'suggestive'],
]

describe('the open-question hint', () => {
  it('has at least 40 questions to read, Dutch and English', () => {
    expect(table.length).toBeGreaterThanOrEqual(40)
  })

  it.each(table)('%s → %s', (question, expected) => {
    const hint = questionHint(question)
    if (expected === 'open') expect(hint).toBeNull()
    else {
      expect(hint?.kind).toBe(expected)
      expect(hint?.openForm.length).toBeGreaterThan(0)
    }
  })

  it('suggests the open form in the language of the question', () => {
    expect(questionHint('Heb je dit al gemeld?')).toMatchObject({ language: 'nl', openForm: 'Wat heb je …?' })
    expect(questionHint('Did you report it?')).toMatchObject({ language: 'en', openForm: 'What did you …?' })
    expect(questionHint('Is het niet zo dat je bang was?')?.matched).toBe('is het niet zo dat')
  })

  it('reads every sentence of a note: an open first question does not hide a closed second one', () => {
    expect(questionHint('Wat gebeurde er? En heb je dat gemeld?')?.kind).toBe('closed')
    expect(questionHint('Wat gebeurde er daarna?\nHoe voelde dat?')).toBeNull()
  })

  it('gives no hint to an empty note or a statement', () => {
    expect(questionHint('')).toBeNull()
    expect(questionHint('   ')).toBeNull()
    expect(questionHint('Ik herken dit uit mijn eigen team.')).toBeNull()
  })

  it('is shown in the methods’ question zone', () => {
    expect(QUESTION_ZONE_IDS.has('vragen')).toBe(true)
    expect(QUESTION_ZONE_IDS.has('adviezen')).toBe(false)
  })
})
