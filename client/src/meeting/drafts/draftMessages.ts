import { defineMessages } from '../../i18n/defineMessages'

/** Texts of private writing and its reveal. Dutch first. */
export const draftMessages = defineMessages(
  {
    'drafts.title': 'Voor jezelf schrijven',
    'drafts.private':
      'Wat je nu in “{zone}” schrijft, ziet niemand tot de onthulling: ook de begeleider niet.',
    'drafts.saved': '{count} notitie(s) versleuteld bewaard',
    'drafts.saving': 'Bewaren…',
    'drafts.failed': 'Bewaren lukt nu niet; je notities blijven in deze browser en gaan zo opnieuw.',
    'drafts.noKey':
      'Deze browser heeft de sleutel van de bijeenkomst niet: je notities blijven hier tot de onthulling. Houd dit tabblad open.',
    'drafts.ready': 'Ik ben klaar',
    'drafts.notReady': 'Toch nog niet klaar',
    'drafts.readyNote': 'De begeleider ziet dat je klaar bent.',
    'drafts.progressTitle': 'Wie schrijft er',
    'drafts.progressRow': '{count} notitie(s)',
    'drafts.progressReady': 'klaar',
    'drafts.progressSummary': '{ready} van {total} klaar',
    'drafts.anonymous': 'Anoniem onthullen (zonder namen)',
    'drafts.anonymousHint':
      'Bij de volgende onthulling komen de notities zonder naam op het bord; niemand kan zien wie wat schreef.',
    'drafts.revealHint':
      'Onthullen doe je met “Volgende fase”: de server zet alles tegelijk voor iedereen op het bord, ook van wie er niet meer is.',
    'drafts.sealed.opening': 'Wordt geopend…',
    'drafts.sealed.unreadable': '[Versleuteld] Open het bord met je eigen link om dit te lezen.',
    'drafts.sealed.removed': '✕ Verwijderd door de begeleider',
    'drafts.removeRevealed': 'Onthulde notitie verwijderen',
    'drafts.removeRevealedHint':
      'Iedereen ziet dat de begeleider deze notitie verwijderde; de tekst is dan weg, voor iedereen.',
    'drafts.removeRevealedConfirm': 'Ja, verwijderen',
    'drafts.removeRevealedCancel': 'Niet doen',
    'drafts.otherDevice': 'Link voor je andere apparaat',
    'drafts.otherDeviceHint':
      'Open deze link op je telefoon of laptop om daar verder te gaan, met je eigen notities. Deel hem met niemand: hij is van jou.',
    'drafts.copy': 'Kopiëren',
    'drafts.copied': 'Gekopieerd',
    'drafts.prepare.title': 'Je casus voorbereiden',
    'drafts.prepare.hint':
      'Breng je een casus in? Schrijf hem hier alvast kort op. Niemand ziet hem tot de begeleider begint; dan staat hij op je naam in “{zone}”.',
    'drafts.prepare.label': 'Je casus in een paar zinnen',
    'drafts.prepare.add': 'Casus klaarzetten',
    'drafts.prepare.mine': 'Jouw klaargezette casussen',
    'drafts.prepare.remove': 'Weghalen',
    'drafts.prepare.limit': 'Hooguit {max} zinnen.',
    'drafts.prepare.saved': 'Versleuteld bewaard; zichtbaar zodra de bijeenkomst begint.',
    'drafts.prepare.noKey':
      'Deze browser heeft de sleutel van de bijeenkomst niet, dus voorbereiden kan hier niet. Open de uitnodigingslink met de sleutel erin.',
  },
  {
    'drafts.title': 'Writing for yourself',
    'drafts.private':
      'What you write in “{zone}” now is seen by nobody until the reveal, not even the facilitator.',
    'drafts.saved': '{count} note(s) stored encrypted',
    'drafts.saving': 'Saving…',
    'drafts.failed':
      'Saving does not work right now; your notes stay in this browser and are sent again shortly.',
    'drafts.noKey':
      'This browser does not have the meeting’s key: your notes stay here until the reveal. Keep this tab open.',
    'drafts.ready': 'I am done',
    'drafts.notReady': 'Not done yet after all',
    'drafts.readyNote': 'The facilitator sees that you are done.',
    'drafts.progressTitle': 'Who is writing',
    'drafts.progressRow': '{count} note(s)',
    'drafts.progressReady': 'done',
    'drafts.progressSummary': '{ready} of {total} done',
    'drafts.anonymous': 'Reveal anonymously (without names)',
    'drafts.anonymousHint':
      'At the next reveal the notes go on the board without names; nobody can see who wrote what.',
    'drafts.revealHint':
      'You reveal with “Next phase”: the server puts everything on the board for everyone at once, also of those who have left.',
    'drafts.sealed.opening': 'Opening…',
    'drafts.sealed.unreadable': '[Encrypted] Open the board with your own link to read this.',
    'drafts.sealed.removed': '✕ Removed by the facilitator',
    'drafts.removeRevealed': 'Remove revealed note',
    'drafts.removeRevealedHint':
      'Everyone sees that the facilitator removed this note; its text is then gone, for everyone.',
    'drafts.removeRevealedConfirm': 'Yes, remove',
    'drafts.removeRevealedCancel': 'Cancel',
    'drafts.otherDevice': 'Link for your other device',
    'drafts.otherDeviceHint':
      'Open this link on your phone or laptop to carry on there, with your own notes. Share it with nobody: it is yours.',
    'drafts.copy': 'Copy',
    'drafts.copied': 'Copied',
    'drafts.prepare.title': 'Prepare your case',
    'drafts.prepare.hint':
      'Bringing a case? Write it down briefly here. Nobody sees it until the facilitator starts; then it is in “{zone}” under your name.',
    'drafts.prepare.label': 'Your case in a few sentences',
    'drafts.prepare.add': 'Set the case ready',
    'drafts.prepare.mine': 'Your cases set ready',
    'drafts.prepare.remove': 'Remove',
    'drafts.prepare.limit': 'At most {max} sentences.',
    'drafts.prepare.saved': 'Stored encrypted; visible once the meeting starts.',
    'drafts.prepare.noKey':
      'This browser does not have the meeting’s key, so preparing is not possible here. Open the invite link with the key in it.',
  },
)
