import { defineMessages } from '../i18n/defineMessages'

/** Texts of the meeting board (phases, roles, locks). Dutch first; English must have the same keys. */
export const meetingMessages = defineMessages(
  {
    'meeting.loading': 'Bijeenkomst laden…',

    'meeting.role.begeleider': 'begeleider',
    'meeting.role.inbrenger': 'inbrenger',
    'meeting.role.deelnemer': 'deelnemer',
    'meeting.role.binnengroep': 'binnengroep',
    'meeting.role.buitengroep': 'buitengroep',
    'meeting.role.observer': 'observator',
    'meeting.role.verslaglegger': 'verslaglegger',

    'meeting.roleInfo.begeleider':
      'Leidt het proces, bewaakt de tijd en de spelregels en doet inhoudelijk niet mee.',
    'meeting.roleInfo.inbrenger':
      'Brengt een vraag of situatie uit het eigen werk in en bepaalt zelf wat er met de inbreng van de groep gebeurt.',
    'meeting.roleInfo.deelnemer':
      'Denkt mee met de inbrenger: luistert, vraagt door en geeft een eigen kijk of advies als de methode daar ruimte voor geeft.',
    'meeting.roleInfo.binnengroep': 'Voert het gesprek in de kring, samen met de inbrenger.',
    'meeting.roleInfo.buitengroep': 'Kijkt van buiten de kring mee en vertelt daarna wat opviel.',
    'meeting.roleInfo.observer':
      'Kijkt mee zonder deel te nemen en let op hoe het gesprek verloopt. Schrijft niet op het bord.',
    'meeting.roleInfo.verslaglegger':
      'Legt vast wat er besproken wordt, zodat de inbrenger het mee naar huis kan nemen.',

    'meeting.youDo.begeleider':
      'Leid het proces, bewaak de tijd en de spelregels, en blijf zelf buiten de inhoud.',
    'meeting.youDo.inbrenger': 'Vertel over je vraag of situatie en neem van de groep mee wat je helpt.',
    'meeting.youDo.deelnemer':
      'Denk mee met de inbrenger: luister, vraag door en houd je aan de stap waar de groep nu is.',
    'meeting.youDo.binnengroep': 'Voer het gesprek in de kring, samen met de inbrenger.',
    'meeting.youDo.buitengroep': 'Kijk van buiten de kring mee en noteer wat je opvalt.',
    'meeting.youDo.observer':
      'Kijk mee zonder deel te nemen en let op hoe het gesprek verloopt. Op het bord schrijf je niet.',
    'meeting.youDo.verslaglegger':
      'Leg vast wat er besproken wordt, zodat de inbrenger het mee naar huis kan nemen.',

    'meeting.phase.region': 'Fase van de bijeenkomst',
    'meeting.phase.step': 'Stap {n} van {total}',
    'meeting.phase.round.topic': 'Onderwerp {round}',
    'meeting.phase.round.case': 'Casus {round}',
    'meeting.phase.notStarted': 'Nog niet begonnen',
    'meeting.phase.notStartedHint':
      'De begeleider start de bijeenkomst zodra iedereen de spelregels heeft gelezen.',
    'meeting.phase.finished': 'Afgerond',
    'meeting.phase.finishedHint': 'De bijeenkomst is afgerond. Dank jullie wel voor het meedenken!',
    'meeting.phase.you': 'Jij, {role}:',
    'meeting.phase.titleWithRound': '{title} ({round})',
    'meeting.phase.announce': 'Nieuwe fase: {title}. Jij: {instruction}',
    'meeting.phase.announceFinished': 'De bijeenkomst is afgerond.',

    'meeting.timer.label': 'Tijd voor deze fase',
    'meeting.timer.of': 'van {minutes} min',
    'meeting.timer.ofExtended': 'van {minutes} min, met {extra} extra',
    'meeting.timer.overrun': 'over tijd',
    'meeting.timer.paused': 'gepauzeerd',
    'meeting.timer.srLeft': 'nog {time} van {minutes} minuten',
    'meeting.timer.srOverrun': '{time} over tijd',

    'meeting.timeline.label': 'Alle fasen',
    'meeting.timeline.minutes': '{minutes} min',
    'meeting.timeline.current': 'nu bezig',
    'meeting.timeline.done': 'geweest',
    'meeting.timeline.optional': 'optioneel',
    'meeting.timeline.estimated': 'De methode noemt hier geen tijd; {minutes} min is een schatting.',
    'meeting.timeline.repeats': 'Herhaalt: {label}',
    'meeting.timeline.total': 'Totaal {minutes} min',
    'meeting.timeline.stated': '(methode: {minutes})',
    'meeting.timeline.statedHint':
      'De methode zelf noemt {stated} minuten; de stappen bij elkaar opgeteld komen op {total}.',

    'meeting.controls.label': 'Bediening voor de begeleider',
    'meeting.controls.start': 'Start de bijeenkomst',
    'meeting.controls.previous': 'Vorige fase',
    'meeting.controls.next': 'Volgende fase',
    'meeting.controls.pause': 'Pauzeren',
    'meeting.controls.resume': 'Hervatten',
    'meeting.controls.extend': '+5 min',
    'meeting.controls.extendHint': 'Vijf minuten extra voor deze fase',
    'meeting.controls.nextRound.topic': 'Volgend onderwerp',
    'meeting.controls.nextRound.case': 'Volgende casus',
    'meeting.controls.nextRoundHint': 'Terug naar “{phase}” voor de volgende ronde',
    'meeting.controls.goto': 'Ga naar fase',
    'meeting.controls.finish': 'Afronden',
    'meeting.controls.finishConfirm':
      'De bijeenkomst afronden? De timer stopt en iedereen ziet dat jullie klaar zijn.',
    'meeting.controls.finishYes': 'Ja, afronden',
    'meeting.controls.finishNo': 'Nog niet',
    'meeting.controls.finishGaps': 'Nog leeg: {gaps}. De inbrenger vult dit in onder Verslag.',
    'meeting.controls.finished': 'Afgerond. Kies een fase om toch verder te gaan.',

    'meeting.people.title': 'Deelnemers',
    'meeting.people.count': '{count} aanwezig',
    'meeting.people.show': 'Deelnemers tonen',
    'meeting.people.hide': 'Deelnemers verbergen',
    'meeting.people.you': '(jij)',
    'meeting.people.roleNow': 'nu {role}: eigen onderwerp aan de beurt',
    'meeting.people.roleOf': 'Rol van {name}',
    'meeting.people.saving': 'Opslaan…',

    'meeting.invite.title': 'Uitnodigen',
    'meeting.invite.explain':
      'Stuur deze link naar de leden van je groep. Wie hem opent, doet mee als deelnemer; de rollen deel je daarna hierboven uit. Je eigen begeleiderslink houd je voor jezelf.',
    'meeting.invite.label': 'Uitnodigingslink',
    'meeting.invite.copy': 'Kopiëren',
    'meeting.invite.copied': 'Gekopieerd',
    'meeting.invite.copyFailed': 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
    'meeting.invite.unknown':
      'Deze browser kent de uitnodigingslink niet. De server bewaart alleen een vingerafdruk van de link, geen kopie, dus ophalen kan niet: je kunt wel een nieuwe maken. De oude link werkt dan niet meer; wie al meedoet, blijft erbij.',
    'meeting.invite.make': 'Nieuwe uitnodigingslink maken',
    'meeting.invite.renew': 'Nieuwe link maken',
    'meeting.invite.renewConfirm':
      'De huidige link werkt dan meteen niet meer. Wie al meedoet, blijft erbij; wie nog moet komen, heeft de nieuwe link nodig.',
    'meeting.invite.renewYes': 'Ja, nieuwe link',
    'meeting.invite.renewNo': 'Annuleren',
    'meeting.invite.renewing': 'Bezig…',
    'meeting.invite.renewed': 'Nieuwe link gemaakt. De vorige werkt niet meer.',

    'meeting.roles.title': 'Wat doen de rollen?',
    'meeting.roles.now': 'Nu:',

    'meeting.rules.title': 'Spelregels',
    'meeting.rules.method': 'Methode: {name}',
    'meeting.rules.confidential': 'Wat in de groep besproken wordt, blijft in de groep.',
    'meeting.rules.intro':
      'Lees voor jullie beginnen samen de spelregels. Ze gelden voor iedereen, de hele bijeenkomst lang.',
    'meeting.rules.bodyLabel': 'Spelregels en fasen',
    'meeting.top.label': 'Verloop van de bijeenkomst',
    'meeting.rules.general': 'Voor elke intervisie',
    'meeting.rules.methodRules': 'Bij deze methode',
    'meeting.rules.phases': 'Zo verloopt de bijeenkomst',
    'meeting.rules.total': 'Samen ongeveer {minutes} minuten.',
    'meeting.rules.present': 'Aanwezig:',
    'meeting.rules.startHint': 'Start als iedereen er is en de spelregels heeft gelezen.',
    'meeting.rules.wait': 'Wacht tot de begeleider de bijeenkomst start.',
    'meeting.rules.open': 'Spelregels',
    'meeting.rules.openHint': 'De spelregels nog eens lezen',
    'meeting.rules.close': 'Sluiten',
  },
  {
    'meeting.loading': 'Loading meeting…',

    'meeting.role.begeleider': 'facilitator',
    'meeting.role.inbrenger': 'case presenter',
    'meeting.role.deelnemer': 'participant',
    'meeting.role.binnengroep': 'inner circle',
    'meeting.role.buitengroep': 'outer circle',
    'meeting.role.observer': 'observer',
    'meeting.role.verslaglegger': 'note-taker',

    'meeting.roleInfo.begeleider':
      'Guides the process, keeps time and the ground rules, and stays out of the content.',
    'meeting.roleInfo.inbrenger':
      'Brings a question or situation from their own work and decides what to do with what the group offers.',
    'meeting.roleInfo.deelnemer':
      'Thinks along with the case presenter: listens, asks questions and offers their own view or advice when the method makes room for it.',
    'meeting.roleInfo.binnengroep': 'Holds the conversation in the circle, together with the case presenter.',
    'meeting.roleInfo.buitengroep': 'Watches from outside the circle and afterwards shares what stood out.',
    'meeting.roleInfo.observer':
      'Watches without taking part and pays attention to how the conversation goes. Does not write on the board.',
    'meeting.roleInfo.verslaglegger':
      'Writes down what is discussed, so the case presenter can take it home.',

    'meeting.youDo.begeleider':
      'Guide the process, keep time and the ground rules, and stay out of the content yourself.',
    'meeting.youDo.inbrenger':
      'Talk about your question or situation and take from the group whatever helps you.',
    'meeting.youDo.deelnemer':
      'Think along with the case presenter: listen, ask questions and keep to the step the group is on.',
    'meeting.youDo.binnengroep': 'Hold the conversation in the circle, together with the case presenter.',
    'meeting.youDo.buitengroep': 'Watch from outside the circle and note what strikes you.',
    'meeting.youDo.observer':
      'Watch without taking part and notice how the conversation goes. You do not write on the board.',
    'meeting.youDo.verslaglegger': 'Write down what is discussed, so the case presenter can take it home.',

    'meeting.phase.region': 'Meeting phase',
    'meeting.phase.step': 'Step {n} of {total}',
    'meeting.phase.round.topic': 'Topic {round}',
    'meeting.phase.round.case': 'Case {round}',
    'meeting.phase.notStarted': 'Not started yet',
    'meeting.phase.notStartedHint':
      'The facilitator starts the meeting once everyone has read the ground rules.',
    'meeting.phase.finished': 'Finished',
    'meeting.phase.finishedHint': 'The meeting is finished. Thank you all for thinking along!',
    'meeting.phase.you': 'You, {role}:',
    'meeting.phase.titleWithRound': '{title} ({round})',
    'meeting.phase.announce': 'New phase: {title}. You: {instruction}',
    'meeting.phase.announceFinished': 'The meeting is finished.',

    'meeting.timer.label': 'Time for this phase',
    'meeting.timer.of': 'of {minutes} min',
    'meeting.timer.ofExtended': 'of {minutes} min, {extra} of them extra',
    'meeting.timer.overrun': 'over time',
    'meeting.timer.paused': 'paused',
    'meeting.timer.srLeft': '{time} left of {minutes} minutes',
    'meeting.timer.srOverrun': '{time} over time',

    'meeting.timeline.label': 'All phases',
    'meeting.timeline.minutes': '{minutes} min',
    'meeting.timeline.current': 'in progress',
    'meeting.timeline.done': 'done',
    'meeting.timeline.optional': 'optional',
    'meeting.timeline.estimated': 'The method gives no time here; {minutes} min is an estimate.',
    'meeting.timeline.repeats': 'Repeats: {label}',
    'meeting.timeline.total': 'Total {minutes} min',
    'meeting.timeline.stated': '(method: {minutes})',
    'meeting.timeline.statedHint': 'The method itself says {stated} minutes; the steps add up to {total}.',

    'meeting.controls.label': 'Facilitator controls',
    'meeting.controls.start': 'Start the meeting',
    'meeting.controls.previous': 'Previous phase',
    'meeting.controls.next': 'Next phase',
    'meeting.controls.pause': 'Pause',
    'meeting.controls.resume': 'Resume',
    'meeting.controls.extend': '+5 min',
    'meeting.controls.extendHint': 'Five extra minutes for this phase',
    'meeting.controls.nextRound.topic': 'Next topic',
    'meeting.controls.nextRound.case': 'Next case',
    'meeting.controls.nextRoundHint': 'Back to “{phase}” for the next round',
    'meeting.controls.goto': 'Go to phase',
    'meeting.controls.finish': 'Finish',
    'meeting.controls.finishConfirm':
      'Finish the meeting? The timer stops and everyone sees that you are done.',
    'meeting.controls.finishYes': 'Yes, finish',
    'meeting.controls.finishNo': 'Not yet',
    'meeting.controls.finishGaps': 'Still empty: {gaps}. The case presenter fills this in under Report.',
    'meeting.controls.finished': 'Finished. Choose a phase if you want to carry on after all.',

    'meeting.people.title': 'Participants',
    'meeting.people.count': '{count} present',
    'meeting.people.show': 'Show participants',
    'meeting.people.hide': 'Hide participants',
    'meeting.people.you': '(you)',
    'meeting.people.roleNow': 'now {role}: own topic is on',
    'meeting.people.roleOf': 'Role of {name}',
    'meeting.people.saving': 'Saving…',

    'meeting.invite.title': 'Invite',
    'meeting.invite.explain':
      'Send this link to the members of your group. Whoever opens it joins as a participant; you hand out the roles above afterwards. Keep your own facilitator link to yourself.',
    'meeting.invite.label': 'Invite link',
    'meeting.invite.copy': 'Copy',
    'meeting.invite.copied': 'Copied',
    'meeting.invite.copyFailed': 'Copying failed. Select the link and copy it yourself.',
    'meeting.invite.unknown':
      'This browser does not know the invite link. The server keeps only a fingerprint of the link, not a copy, so it cannot be fetched: you can make a new one. The old link then stops working; whoever has joined stays in.',
    'meeting.invite.make': 'Make a new invite link',
    'meeting.invite.renew': 'Make a new link',
    'meeting.invite.renewConfirm':
      'The current link stops working at once. Whoever has joined stays in; whoever is still to come needs the new link.',
    'meeting.invite.renewYes': 'Yes, new link',
    'meeting.invite.renewNo': 'Cancel',
    'meeting.invite.renewing': 'Working…',
    'meeting.invite.renewed': 'New link made. The previous one no longer works.',

    'meeting.roles.title': 'What do the roles do?',
    'meeting.roles.now': 'Now:',

    'meeting.rules.title': 'Ground rules',
    'meeting.rules.method': 'Method: {name}',
    'meeting.rules.confidential': 'What is discussed in the group stays in the group.',
    'meeting.rules.intro':
      'Before you begin, read the ground rules together. They apply to everyone, all meeting long.',
    'meeting.rules.bodyLabel': 'Ground rules and phases',
    'meeting.top.label': 'How the meeting goes',
    'meeting.rules.general': 'For every peer consultation',
    'meeting.rules.methodRules': 'For this method',
    'meeting.rules.phases': 'How the meeting goes',
    'meeting.rules.total': 'About {minutes} minutes in all.',
    'meeting.rules.present': 'Present:',
    'meeting.rules.startHint': 'Start when everyone is here and has read the ground rules.',
    'meeting.rules.wait': 'Wait until the facilitator starts the meeting.',
    'meeting.rules.open': 'Ground rules',
    'meeting.rules.openHint': 'Read the ground rules again',
    'meeting.rules.close': 'Close',
  },
)
