import { defineMessages } from '../../i18n/defineMessages'

/** Texts of the open-question hint on a question note. Dutch first. */
export const hintMessages = defineMessages(
  {
    'hint.question.tag.closed': 'Gesloten?',
    'hint.question.tag.suggestive': 'Sturend?',
    'hint.question.closed': 'Gesloten vraag?',
    'hint.question.suggestive': 'Sturende vraag?',
    'hint.question.try': 'Probeer:',
    'hint.question.title.closed':
      'Deze vraag is met ja of nee te beantwoorden. Een open vraag (wie, wat, waar, wanneer, welke, hoe) laat de inbrenger vertellen.',
    'hint.question.title.suggestive':
      'Deze vraag legt een antwoord of advies in de mond. Een open vraag (wie, wat, waar, wanneer, welke, hoe) laat de inbrenger vertellen.',
  },
  {
    'hint.question.tag.closed': 'Closed?',
    'hint.question.tag.suggestive': 'Leading?',
    'hint.question.closed': 'Closed question?',
    'hint.question.suggestive': 'Leading question?',
    'hint.question.try': 'Try:',
    'hint.question.title.closed':
      'This question can be answered with yes or no. An open question (who, what, where, when, which, how) lets the case presenter tell.',
    'hint.question.title.suggestive':
      'This question suggests an answer or advice. An open question (who, what, where, when, which, how) lets the case presenter tell.',
  },
)
