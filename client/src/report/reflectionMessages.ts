import { defineMessages } from '../i18n/defineMessages'

/** Texts of the reflection report kept on the server, its look-back and its print for sign-off. Dutch first. */
export const reflectionMessages = defineMessages(
  {
    'reflection.lead':
      'Na de bijeenkomst schrijf je je reflectieverslag. Het wordt in je browser verzegeld met de sleutel van deze bijeenkomst en zo bewaard: de server kan het niet lezen. De volgende bijeenkomst van de groep bespreekt het in de terugblik.',
    'reflection.leadNoKey':
      'Na de bijeenkomst schrijf je je reflectieverslag. Deze link heeft geen sleutel, dus het blijft in deze browser tot je het downloadt.',
    'reflection.saving': 'Verzegelen en bewaren…',
    'reflection.saved': 'Verzegeld bewaard.',
    'reflection.failed': 'Niet bewaard: {reason} Je tekst staat nog hier en in deze browser.',
    'reflection.signedOff': 'Afgetekend door {name} op {date}. Het verslag verandert niet meer.',
    'reflection.lookBack.heading': 'Reflectieverslag van {name}',
    'reflection.lookBack.none': 'De inbrenger heeft (nog) geen reflectieverslag bewaard.',
    'reflection.lookBack.noKey':
      'Het verslag is verzegeld met de sleutel van de vorige bijeenkomst, en die staat niet in deze browser. Open het op het apparaat waarmee je toen meedeed.',
    'reflection.lookBack.unreadable': 'Het verslag gaat niet open met de sleutel in deze browser.',
    'reflection.lookBack.empty': 'Nog niet ingevuld.',
    'reflection.signOff': 'Aftekenen',
    'reflection.signOffHint':
      'Als begeleider teken je het verslag af; de server legt vast dat jij het was (je sessie, geen getypte naam).',
    'reflection.signingOff': 'Aftekenen…',
    'reflection.print': 'Afdrukken om af te tekenen',
    'reflection.printClose': 'Terug',
    'reflection.print.title': 'Reflectieverslag',
    'reflection.print.author': 'Inbrenger: {name}',
    'reflection.print.meeting': 'Bijeenkomst: {date} · {method}',
    'reflection.print.signOff': 'Afgetekend door de begeleider',
    'reflection.print.signedBy': '{name}, {date}',
    'reflection.print.notSigned': 'Nog niet afgetekend.',
  },
  {
    'reflection.lead':
      'After the meeting you write your reflection report. It is sealed in your browser with this meeting’s key and stored that way: the server cannot read it. The group’s next meeting discusses it in its look-back.',
    'reflection.leadNoKey':
      'After the meeting you write your reflection report. This link has no key, so it stays in this browser until you download it.',
    'reflection.saving': 'Sealing and storing…',
    'reflection.saved': 'Stored, sealed.',
    'reflection.failed': 'Not stored: {reason} Your text is still here and in this browser.',
    'reflection.signedOff': 'Signed off by {name} on {date}. The report no longer changes.',
    'reflection.lookBack.heading': 'Reflection report by {name}',
    'reflection.lookBack.none': 'The case presenter has not stored a reflection report (yet).',
    'reflection.lookBack.noKey':
      'The report is sealed with the previous meeting’s key, which is not in this browser. Open it on the device you took part with then.',
    'reflection.lookBack.unreadable': 'The report does not open with the key in this browser.',
    'reflection.lookBack.empty': 'Not filled in yet.',
    'reflection.signOff': 'Sign off',
    'reflection.signOffHint':
      'As the facilitator you sign the report off; the server records that it was you (your session, not a typed name).',
    'reflection.signingOff': 'Signing off…',
    'reflection.print': 'Print for sign-off',
    'reflection.printClose': 'Back',
    'reflection.print.title': 'Reflection report',
    'reflection.print.author': 'Case presenter: {name}',
    'reflection.print.meeting': 'Meeting: {date} · {method}',
    'reflection.print.signOff': 'Signed off by the facilitator',
    'reflection.print.signedBy': '{name}, {date}',
    'reflection.print.notSigned': 'Not signed off yet.',
  },
)
