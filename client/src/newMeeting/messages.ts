import { defineMessages } from '../i18n/defineMessages'

/** Texts of the new-meeting screen (method picker). Dutch first; English must have the same keys. */
export const newMeetingMessages = defineMessages(
  {
    'newMeeting.title': 'Nieuwe bijeenkomst',
    'newMeeting.lead':
      'Kies een intervisiemethode. Het bord, de stappen en de rollen van die methode staan dan klaar voor je groep.',
    'newMeeting.loading': 'Methodes laden…',
    'newMeeting.loadFailed':
      'De methodes kunnen nu niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
    'newMeeting.retry': 'Opnieuw proberen',
    'newMeeting.libraryEmpty': 'Er zijn nog geen methodes beschikbaar op deze server.',

    'newMeeting.front.cta': 'Bijeenkomst met een methode',
    'newMeeting.front.hint':
      'Met een methode krijgt je groep een bord met vakken, stappen en rollen, bijvoorbeeld voor de roddelmethode of de vissenkom. Een nieuw bord is een leeg whiteboard.',

    'newMeeting.search.label': 'Zoeken',
    'newMeeting.search.placeholder': 'Naam of doel',
    'newMeeting.duration.legend': 'Duur',
    'newMeeting.duration.all': 'Alle',
    'newMeeting.duration.upTo60': 'Hooguit 60 min',
    'newMeeting.duration.upTo75': '61–75 min',
    'newMeeting.duration.over75': 'Meer dan 75 min',
    'newMeeting.count.all': '{count} methodes',
    'newMeeting.count.filtered': '{shown} van {total} methodes',
    'newMeeting.noResults':
      'Geen methode past bij je zoekopdracht. Probeer een ander woord of een andere duur.',
    'newMeeting.clearFilters': 'Zoeken en filter wissen',
    'newMeeting.list.legend': 'Methodes',

    'newMeeting.minutes': '{minutes} min',
    'newMeeting.minutesStated': '{minutes} min (bron: {stated} min)',
    'newMeeting.repeatMinutes': 'waarvan {minutes} min {per}',
    'newMeeting.per.topic': 'per onderwerp',
    'newMeeting.per.case': 'per casus',
    'newMeeting.steps.one': '1 stap',
    'newMeeting.steps.many': '{count} stappen',
    'newMeeting.roles': 'Rollen: {roles}',
    'newMeeting.source': 'Bron: {credit}',
    'newMeeting.groupSize': '{min} tot {max} personen',
    'newMeeting.groupSizeIdeal': '{min} tot {max} personen, ideaal {ideal}',

    'newMeeting.role.begeleider': 'begeleider',
    'newMeeting.role.inbrenger': 'inbrenger',
    'newMeeting.role.deelnemer': 'deelnemer',
    'newMeeting.role.binnengroep': 'binnengroep',
    'newMeeting.role.buitengroep': 'buitengroep',
    'newMeeting.role.observer': 'observator',
    'newMeeting.role.verslaglegger': 'verslaglegger',

    'newMeeting.details.noneTitle': 'Nog geen methode gekozen',
    'newMeeting.details.none':
      'Kies een methode uit de lijst. Hier zie je dan het bord, de stappen en de spelregels, en maak je de bijeenkomst aan.',
    'newMeeting.details.chosen': 'Gekozen methode',
    'newMeeting.details.toDetails': 'Naar de stappen en aanmaken',
    'newMeeting.details.boardLabel': 'Voorbeeld van het bord, met de vakken: {zones}',
    'newMeeting.details.duration': 'Duur',
    'newMeeting.details.group': 'Groep',
    'newMeeting.details.roles': 'Rollen',
    'newMeeting.details.steps': 'Stappen',
    'newMeeting.details.estimated': 'geschatte tijd',
    'newMeeting.details.optional': 'optioneel',
    'newMeeting.details.groundRules': 'Spelregels van deze methode',
    'newMeeting.details.generalRules':
      'Daarnaast gelden de algemene spelregels waarmee elke bijeenkomst begint.',
    'newMeeting.details.source': 'Bron',

    'newMeeting.form.titleLabel': 'Titel van de bijeenkomst (optioneel)',
    'newMeeting.form.titleHint': 'Laat je dit leeg, dan heet de bijeenkomst ‘{name}’.',
    'newMeeting.form.create': 'Bijeenkomst aanmaken',
    'newMeeting.form.creating': 'Bezig met aanmaken…',
    'newMeeting.form.failed': 'De bijeenkomst is niet aangemaakt. {reason}',

    'newMeeting.created.title': 'De bijeenkomst staat klaar',
    'newMeeting.created.lead': '‘{title}’, met de methode {method}.',
    'newMeeting.created.leadMethod': 'Met de methode {method}.',
    'newMeeting.created.keysTitle': 'Deze links zijn de sleutels van de bijeenkomst',
    'newMeeting.created.keys':
      'Wie een link heeft, komt binnen; een account is niet nodig. Deel de uitnodigingslink alleen met je groep, en houd je begeleiderslink voor jezelf.',
    'newMeeting.created.facilitatorTitle': 'Jouw begeleiderslink',
    'newMeeting.created.facilitatorText':
      'Alleen voor jou. Wie deze link opent, wordt begeleider: die zet de stappen door en verdeelt de rollen. Bewaar hem goed, want alleen hier zie je hem.',
    'newMeeting.created.inviteTitle': 'Uitnodigingslink voor de groep',
    'newMeeting.created.inviteText':
      'Stuur deze link naar de deelnemers. Wie hem opent, doet mee als deelnemer; als begeleider geef je daarna de rollen, zoals die van inbrenger. Op deze computer vind je hem ook terug in de bijeenkomst.',
    'newMeeting.created.copy': 'Kopiëren',
    'newMeeting.created.copied': 'Gekopieerd',
    'newMeeting.created.copyFailed': 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
    'newMeeting.created.open': 'Open de bijeenkomst als begeleider',
    'newMeeting.created.another': 'Nog een bijeenkomst aanmaken',
  },
  {
    'newMeeting.title': 'New meeting',
    'newMeeting.lead':
      'Choose a peer consultation method. The board, the steps and the roles of that method are then ready for your group.',
    'newMeeting.loading': 'Loading methods…',
    'newMeeting.loadFailed': 'The methods cannot be loaded right now. Check your connection and try again.',
    'newMeeting.retry': 'Try again',
    'newMeeting.libraryEmpty': 'There are no methods available on this server yet.',

    'newMeeting.front.cta': 'Meeting with a method',
    'newMeeting.front.hint':
      'With a method your group gets a board with areas, steps and roles, for example for the gossip method or the fishbowl. A new board is an empty whiteboard.',

    'newMeeting.search.label': 'Search',
    'newMeeting.search.placeholder': 'Name or purpose',
    'newMeeting.duration.legend': 'Duration',
    'newMeeting.duration.all': 'All',
    'newMeeting.duration.upTo60': 'Up to 60 min',
    'newMeeting.duration.upTo75': '61–75 min',
    'newMeeting.duration.over75': 'More than 75 min',
    'newMeeting.count.all': '{count} methods',
    'newMeeting.count.filtered': '{shown} of {total} methods',
    'newMeeting.noResults': 'No method matches your search. Try another word or another duration.',
    'newMeeting.clearFilters': 'Clear search and filter',
    'newMeeting.list.legend': 'Methods',

    'newMeeting.minutes': '{minutes} min',
    'newMeeting.minutesStated': '{minutes} min (source: {stated} min)',
    'newMeeting.repeatMinutes': 'of which {minutes} min {per}',
    'newMeeting.per.topic': 'per topic',
    'newMeeting.per.case': 'per case',
    'newMeeting.steps.one': '1 step',
    'newMeeting.steps.many': '{count} steps',
    'newMeeting.roles': 'Roles: {roles}',
    'newMeeting.source': 'Source: {credit}',
    'newMeeting.groupSize': '{min} to {max} people',
    'newMeeting.groupSizeIdeal': '{min} to {max} people, ideally {ideal}',

    'newMeeting.role.begeleider': 'facilitator',
    'newMeeting.role.inbrenger': 'case presenter',
    'newMeeting.role.deelnemer': 'participant',
    'newMeeting.role.binnengroep': 'inner group',
    'newMeeting.role.buitengroep': 'outer group',
    'newMeeting.role.observer': 'observer',
    'newMeeting.role.verslaglegger': 'note-taker',

    'newMeeting.details.noneTitle': 'No method chosen yet',
    'newMeeting.details.none':
      'Choose a method from the list. You will then see its board, steps and ground rules here, and create the meeting.',
    'newMeeting.details.chosen': 'Chosen method',
    'newMeeting.details.toDetails': 'To the steps and create',
    'newMeeting.details.boardLabel': 'Preview of the board, with the areas: {zones}',
    'newMeeting.details.duration': 'Duration',
    'newMeeting.details.group': 'Group',
    'newMeeting.details.roles': 'Roles',
    'newMeeting.details.steps': 'Steps',
    'newMeeting.details.estimated': 'estimated time',
    'newMeeting.details.optional': 'optional',
    'newMeeting.details.groundRules': 'Ground rules of this method',
    'newMeeting.details.generalRules': 'The general ground rules every meeting starts with apply as well.',
    'newMeeting.details.source': 'Source',

    'newMeeting.form.titleLabel': 'Title of the meeting (optional)',
    'newMeeting.form.titleHint': 'If you leave this empty, the meeting is called ‘{name}’.',
    'newMeeting.form.create': 'Create meeting',
    'newMeeting.form.creating': 'Creating…',
    'newMeeting.form.failed': 'The meeting was not created. {reason}',

    'newMeeting.created.title': 'The meeting is ready',
    'newMeeting.created.lead': '‘{title}’, with the method {method}.',
    'newMeeting.created.leadMethod': 'With the method {method}.',
    'newMeeting.created.keysTitle': 'These links are the keys to the meeting',
    'newMeeting.created.keys':
      'Whoever has a link gets in; no account is needed. Share the invite link only with your group, and keep your facilitator link to yourself.',
    'newMeeting.created.facilitatorTitle': 'Your facilitator link',
    'newMeeting.created.facilitatorText':
      'For you only. Whoever opens this link becomes the facilitator: they move the steps on and hand out the roles. Keep it safe, as this is the only place you see it.',
    'newMeeting.created.inviteTitle': 'Invite link for the group',
    'newMeeting.created.inviteText':
      'Send this link to the participants. Whoever opens it joins as a participant; as facilitator you then hand out the roles, such as case presenter. On this computer you will also find it in the meeting.',
    'newMeeting.created.copy': 'Copy',
    'newMeeting.created.copied': 'Copied',
    'newMeeting.created.copyFailed': 'Copying failed. Select the link and copy it yourself.',
    'newMeeting.created.open': 'Open the meeting as facilitator',
    'newMeeting.created.another': 'Create another meeting',
  },
)
