import { defineMessages } from '../i18n/defineMessages'

/** Texts of the meeting page itself and of its canvas (zones, ratings, joining). */
export const meetingBoardMessages = defineMessages(
  {
    'meeting.zone.open': 'Open voor jou',
    'meeting.zone.watch': 'Alleen kijken',
    'meeting.zone.closed': 'Gesloten in deze fase',
    'meeting.zone.break': 'Pauze: even niets wijzigen',
    'meeting.zone.private': 'ieder schrijft voor zich',
    'meeting.rating.label': 'Waardering van deze notitie',
    'meeting.rating.mark': 'Herkend',
    'meeting.join.title': 'Meedoen aan {title}',
    'meeting.join.asFacilitator': 'Je opent deze bijeenkomst als begeleider.',
    'meeting.join.asParticipant': 'Je bent uitgenodigd voor deze intervisiebijeenkomst.',
    'meeting.join.name': 'Je naam zoals de groep hem ziet',
    'meeting.join.submit': 'Meedoen',
    'meeting.join.busy': 'Even geduld…',
    'meeting.join.confidential':
      'Wat in de groep besproken wordt, blijft in de groep. Het bord is alleen zichtbaar voor wie is uitgenodigd.',
    'meeting.noAccess.title': 'Je hebt (nog) geen toegang tot deze bijeenkomst',
    'meeting.noAccess.body':
      'Open de uitnodigingslink die je van de begeleider hebt gekregen. Zonder die link kun je niet meedoen.',
    'meeting.sessionExpired':
      'Je sessie voor deze bijeenkomst is niet meer geldig. Open de uitnodigingslink opnieuw.',
    'meeting.refused': 'Dat kan nu niet: {reason}',
    'meeting.you': 'Jij: {name} ({role})',
    'meeting.case.label': 'Casus',
    'meeting.case.none': 'nog niet gekozen',
    'meeting.case.placeholder': 'In één regel: waar gaat de casus over?',
    'meeting.case.save': 'Vastleggen',
    'meeting.case.set': 'Casus noteren',
    'meeting.case.change': 'Wijzigen',
    'meeting.erase.button': 'Bijeenkomst wissen',
    'meeting.erase.short': 'Wissen',
    'meeting.erase.confirm':
      'Het bord, alle notities, de namen en de links van deze bijeenkomst worden voorgoed gewist, ook bij de anderen. Dit kan niet ongedaan worden.',
    'meeting.erase.yes': 'Ja, alles wissen',
    'meeting.erase.no': 'Niet wissen',
  },
  {
    'meeting.zone.open': 'Open to you',
    'meeting.zone.watch': 'Watch only',
    'meeting.zone.closed': 'Closed in this phase',
    'meeting.zone.break': 'Break: no changes for now',
    'meeting.zone.private': 'each writes for themself',
    'meeting.rating.label': 'Rating of this note',
    'meeting.rating.mark': 'Recognised',
    'meeting.join.title': 'Join {title}',
    'meeting.join.asFacilitator': 'You are opening this meeting as its facilitator.',
    'meeting.join.asParticipant': 'You have been invited to this peer consultation meeting.',
    'meeting.join.name': 'Your name as the group sees it',
    'meeting.join.submit': 'Join',
    'meeting.join.busy': 'One moment…',
    'meeting.join.confidential':
      'What is discussed in the group stays in the group. The board is visible only to those invited.',
    'meeting.noAccess.title': 'You do not have access to this meeting (yet)',
    'meeting.noAccess.body':
      'Open the invitation link you received from the facilitator. Without that link you cannot join.',
    'meeting.sessionExpired':
      'Your session for this meeting is no longer valid. Open the invitation link again.',
    'meeting.refused': 'Not possible now: {reason}',
    'meeting.you': 'You: {name} ({role})',
    'meeting.case.label': 'Case',
    'meeting.case.none': 'not chosen yet',
    'meeting.case.placeholder': 'In one line: what is the case about?',
    'meeting.case.save': 'Save',
    'meeting.case.set': 'Note the case',
    'meeting.case.change': 'Change',
    'meeting.erase.button': 'Erase meeting',
    'meeting.erase.short': 'Erase',
    'meeting.erase.confirm':
      'The board, all notes, the names and the links of this meeting are erased for good, for the others too. This cannot be undone.',
    'meeting.erase.yes': 'Yes, erase everything',
    'meeting.erase.no': 'Do not erase',
  },
)
