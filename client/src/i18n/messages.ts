import { apiErrorMessages } from '../api/apiErrorMessages'
import { lifecycleMessages } from '../board/lifecycleMessages'
import { groupKeepingMessages } from '../groups/groupKeepingMessages'
import { groupMessages } from '../groups/groupMessages'
import { meetingBoardMessages } from '../meeting/boardMessages'
import { caseChoiceMessages } from '../meeting/caseChoice/caseChoiceMessages'
import { draftMessages } from '../meeting/drafts/draftMessages'
import { hintMessages } from '../meeting/hints/hintMessages'
import { joinMessages } from '../meeting/joinMessages'
import { layoutMessages } from '../meeting/layout/layoutMessages'
import { meetingMessages } from '../meeting/messages'
import { pairMessages } from '../meeting/pairs/pairMessages'
import { stateMessages } from '../meeting/stateMessages'
import { timeMessages } from '../meeting/time/timeMessages'
import { turnMessages } from '../meeting/turns/turnMessages'
import { newMeetingMessages } from '../newMeeting/messages'
import { peopleMessages } from '../people/peopleMessages'
import { reflectionMessages } from '../report/reflectionMessages'
import { reportMessages } from '../report/reportMessages'

/**
 * Every user-visible text of ours, Dutch first. The English dictionary must have exactly the same
 * keys (the type enforces it). Placeholders are written `{name}` and filled in by `useT()`.
 * tldraw's own interface texts come from its translation files (locale `nl` or `en`).
 */
const coreNl = {
  'app.name': 'Intervisiebord',
  'app.homeLink': 'Intervisiebord, naar de startpagina',

  'lang.label': 'Taal',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',

  'front.title': 'Eén bord voor de hele intervisiegroep',
  'front.lead1':
    'Intervisiebord is een gedeeld whiteboard voor intervisie: iedereen werkt live op hetzelfde bord, vanaf de eigen laptop of tablet.',
  'front.lead2':
    'Kies een methode of start een leeg bord, en deel de link met je groep. Een account is niet nodig; wie de link heeft, doet mee.',
  'front.new': 'Nieuw bord starten',
  'front.open.heading': 'Een bijeenkomst of bord openen',
  'front.open.label': 'Link of code',
  'front.open.hint':
    'Plak de uitnodigingslink die je van de begeleider kreeg, je eigen begeleiderslink, de link van een vrij bord of alleen de code.',
  'front.open.submit': 'Openen',
  'front.open.empty': 'Plak eerst een link of code.',
  'front.open.badMeetingId':
    'Deze link naar een bijeenkomst is niet compleet: na /m/ horen 22 tekens. Kopieer de link opnieuw, helemaal.',
  'front.open.cutSecret':
    'De sleutel in deze link is afgebroken: na #uitnodiging= of #begeleider= horen 43 tekens. Kopieer de link opnieuw, helemaal.',
  'front.open.badBoardId':
    'Deze link naar een vrij bord is niet compleet: na /b/ hoort de code van het bord. Kopieer de link opnieuw, helemaal.',
  'front.open.unknown':
    'Dit herkennen we niet. Verwacht wordt een link met /m/ (bijeenkomst) of /b/ (vrij bord) erin, of alleen een code van 22 letters en cijfers.',
  'front.privacy': 'Iedereen met de link kan het bord bekijken en bewerken. Deel hem alleen met je groep.',

  'board.copyLink': 'Link kopiëren',
  'board.linkCopied': 'Link gekopieerd',
  'board.copyFailed': 'Kopiëren lukte niet. Kopieer de link uit de adresbalk.',
  'board.loading': 'Bord laden…',
  'board.loadingStuck': 'Het bord kan nu niet worden geladen. We blijven het proberen.',
  'board.defaultPageName': 'Pagina 1',
  'board.invalidRoom': 'Deze link verwijst niet naar een bord. Hij is misschien onvolledig gekopieerd.',
  'board.toFront': 'Naar de startpagina',
  'board.you': 'Jij: {name}',
  'board.changeName': 'Naam of kleur wijzigen',

  'connection.connecting': 'Verbinden…',
  'connection.online': 'Verbonden',
  'connection.reconnecting': 'Opnieuw verbinden…',
  'connection.offline': 'Offline — je werk blijft bewaard',
  'connection.closed': 'De server heeft de verbinding gesloten. Laad de pagina opnieuw om verder te gaan.',

  'notice.tooBig': 'Je laatste wijziging was te groot om te versturen en is teruggedraaid.',
  'notice.badUpdate': 'Je bord liep niet gelijk met de server en is opnieuw geladen.',
  'notice.erased':
    'De begeleider heeft deze bijeenkomst gewist. Het bord en alles wat erop stond, bestaat niet meer.',
  'notice.dismiss': 'Melding sluiten',

  'name.title': 'Hoe heet je?',
  'name.explain': 'De anderen zien je naam en kleur bij je cursor. Je kunt ze later nog wijzigen.',
  'name.label': 'Je naam',
  'name.colour': 'Je kleur',
  'name.required': 'Vul je naam in.',
  'name.join': 'Naar het bord',
  'name.save': 'Opslaan',
  'name.cancel': 'Annuleren',

  'colour.blue': 'Blauw',
  'colour.cyan': 'Lichtblauw',
  'colour.green': 'Groen',
  'colour.purple': 'Paars',
  'colour.violet': 'Violet',
  'colour.pink': 'Roze',
  'colour.red': 'Rood',
  'colour.orange': 'Oranje',

  'notFound.title': 'Deze pagina bestaat niet',
} as const

const coreEn: Record<keyof typeof coreNl, string> = {
  'app.name': 'Intervisiebord',
  'app.homeLink': 'Intervisiebord, to the start page',

  'lang.label': 'Language',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',

  'front.title': 'One board for the whole peer consultation group',
  'front.lead1':
    'Intervisiebord is a shared whiteboard for peer consultation (intervisie): everyone works live on the same board, from their own laptop or tablet.',
  'front.lead2':
    'Choose a method or start a blank board, and share the link with your group. No account needed; whoever has the link can join.',
  'front.new': 'Start a new board',
  'front.open.heading': 'Open a meeting or board',
  'front.open.label': 'Link or code',
  'front.open.hint':
    'Paste the invite link you received from the facilitator, your own facilitator link, the link of a free board, or just the code.',
  'front.open.submit': 'Open',
  'front.open.empty': 'Paste a link or code first.',
  'front.open.badMeetingId':
    'This meeting link is incomplete: /m/ is followed by 22 characters. Copy the whole link again.',
  'front.open.cutSecret':
    'The key in this link is cut off: #uitnodiging= or #begeleider= is followed by 43 characters. Copy the whole link again.',
  'front.open.badBoardId':
    'This free board link is incomplete: /b/ is followed by the board’s code. Copy the whole link again.',
  'front.open.unknown':
    'We do not recognise this. Expected: a link with /m/ (meeting) or /b/ (free board) in it, or just a code of 22 letters and digits.',
  'front.privacy': 'Anyone with the link can view and edit the board. Share it only with your group.',

  'board.copyLink': 'Copy link',
  'board.linkCopied': 'Link copied',
  'board.copyFailed': 'Copying failed. Copy the link from the address bar.',
  'board.loading': 'Loading board…',
  'board.loadingStuck': 'The board cannot be loaded right now. We keep trying.',
  'board.defaultPageName': 'Page 1',
  'board.invalidRoom': 'This link does not point to a board. It may have been copied incompletely.',
  'board.toFront': 'To the start page',
  'board.you': 'You: {name}',
  'board.changeName': 'Change name or colour',

  'connection.connecting': 'Connecting…',
  'connection.online': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': 'Offline — your work is kept',
  'connection.closed': 'The server closed the connection. Reload the page to continue.',

  'notice.tooBig': 'Your last change was too large to send and has been undone.',
  'notice.badUpdate': 'Your board was out of step with the server and has been reloaded.',
  'notice.erased': 'The facilitator has erased this meeting. The board and everything on it no longer exist.',
  'notice.dismiss': 'Dismiss message',

  'name.title': 'What is your name?',
  'name.explain': 'The others see your name and colour next to your cursor. You can change them later.',
  'name.label': 'Your name',
  'name.colour': 'Your colour',
  'name.required': 'Please enter your name.',
  'name.join': 'Go to the board',
  'name.save': 'Save',
  'name.cancel': 'Cancel',

  'colour.blue': 'Blue',
  'colour.cyan': 'Light blue',
  'colour.green': 'Green',
  'colour.purple': 'Purple',
  'colour.violet': 'Violet',
  'colour.pink': 'Pink',
  'colour.red': 'Red',
  'colour.orange': 'Orange',

  'notFound.title': 'This page does not exist',
}

/** Every feature keeps its own texts beside its code; they are merged here into one dictionary. */
const nl = {
  ...coreNl,
  ...newMeetingMessages.nl,
  ...meetingMessages.nl,
  ...meetingBoardMessages.nl,
  ...stateMessages.nl,
  ...apiErrorMessages.nl,
  ...joinMessages.nl,
  ...layoutMessages.nl,
  ...hintMessages.nl,
  ...reportMessages.nl,
  ...reflectionMessages.nl,
  ...timeMessages.nl,
  ...turnMessages.nl,
  ...pairMessages.nl,
  ...lifecycleMessages.nl,
  ...draftMessages.nl,
  ...groupMessages.nl,
  ...groupKeepingMessages.nl,
  ...caseChoiceMessages.nl,
  ...peopleMessages.nl,
}
const en: Record<keyof typeof nl, string> = {
  ...coreEn,
  ...newMeetingMessages.en,
  ...meetingMessages.en,
  ...meetingBoardMessages.en,
  ...stateMessages.en,
  ...apiErrorMessages.en,
  ...joinMessages.en,
  ...layoutMessages.en,
  ...hintMessages.en,
  ...reportMessages.en,
  ...reflectionMessages.en,
  ...timeMessages.en,
  ...turnMessages.en,
  ...pairMessages.en,
  ...lifecycleMessages.en,
  ...draftMessages.en,
  ...groupMessages.en,
  ...groupKeepingMessages.en,
  ...caseChoiceMessages.en,
  ...peopleMessages.en,
}

export type MessageKey = keyof typeof nl
export type Messages = Record<MessageKey, string>

export const messages: { nl: Messages; en: Messages } = { nl, en }
