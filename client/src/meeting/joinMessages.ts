import { defineMessages } from '../i18n/defineMessages'

/** Texts of the join screen: what the link opens, and what to do without a working one. */
export const joinMessages = defineMessages(
  {
    'join.heading.noKey': 'Meedoen aan een bijeenkomst',
    'join.heading.invalid': 'Deze link werkt niet (meer)',
    'join.checking': 'De link wordt gecontroleerd…',
    'join.invalid.explain':
      'Misschien heeft de begeleider een nieuwe uitnodigingslink gemaakt, of is de bijeenkomst gewist. Vraag de begeleider om de link die nu geldt.',
    'join.facts.label': 'Over deze bijeenkomst',
    'join.facts.method': 'Methode',
    'join.facts.facilitator': 'Begeleider',
    'join.facts.noFacilitator': 'nog niet binnen',
    'join.noKey.explain':
      'Met alleen de code van een bijeenkomst kom je er nog niet in. De sleutel zit in de uitnodigingslink die je van de begeleider kreeg: het stuk na het #-teken. Soms valt dat weg bij het doorsturen.',
    'join.key.label': 'Plak hier de hele uitnodigingslink',
    'join.key.labelNew': 'Heb je een nieuwe link gekregen? Plak hem hier',
    'join.key.submit': 'Verder',
    'join.key.noSecret':
      'In deze link zit geen sleutel (het stuk na #uitnodiging=). Kopieer de link opnieuw uit het bericht van de begeleider, helemaal.',
    'join.unreachable': 'De server is even niet bereikbaar; je kunt het toch proberen.',
  },
  {
    'join.heading.noKey': 'Join a meeting',
    'join.heading.invalid': 'This link does not work (any more)',
    'join.checking': 'Checking the link…',
    'join.invalid.explain':
      'The facilitator may have made a new invite link, or erased the meeting. Ask the facilitator for the current link.',
    'join.facts.label': 'About this meeting',
    'join.facts.method': 'Method',
    'join.facts.facilitator': 'Facilitator',
    'join.facts.noFacilitator': 'not here yet',
    'join.noKey.explain':
      'The code of a meeting alone does not let you in. The key is in the invite link you received from the facilitator: the part after the # sign. Forwarding sometimes loses it.',
    'join.key.label': 'Paste the whole invite link here',
    'join.key.labelNew': 'Did you get a new link? Paste it here',
    'join.key.submit': 'Continue',
    'join.key.noSecret':
      'This link has no key (the part after #uitnodiging=). Copy the link again from the facilitator’s message, all of it.',
    'join.unreachable': 'The server cannot be reached right now; you can try anyway.',
  },
)
