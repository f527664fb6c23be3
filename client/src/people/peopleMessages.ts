import { defineMessages } from '../i18n/defineMessages'

/** Texts about people: removing someone, being removed, members' personal links, the member page. */
export const peopleMessages = defineMessages(
  {
    'people.remove': 'Verwijderen',
    'people.remove.confirm': '{name} uit de bijeenkomst verwijderen? Deze sessie kan niet meer terugkomen.',
    'people.remove.yes': 'Ja, verwijderen',
    'people.remove.no': 'Nee',
    'people.guest': 'gast',
    'people.attendance.guest': '{name} (gast, {role}, {minutes} min)',
    'people.removed.title': 'Je bent uit de bijeenkomst verwijderd',
    'people.removed.body':
      'De begeleider heeft je uit deze bijeenkomst gehaald. Je ziet het bord niet meer en je sessie werkt niet meer. Denk je dat dit een vergissing is, neem dan contact op met de begeleider.',
    'people.members.hint':
      'Geef ieder lid de eigen persoonlijke link. Daarmee doet die persoon mee als zichzelf: de presentielijst, de beurt en de terugblik gaan op die link, niet op een getypte naam.',
    'people.members.linkOf': 'Persoonlijke link van {name}',
    'people.members.noLink': 'Open de pagina met de groepslink om de persoonlijke links te zien.',
    'people.members.renew': 'Nieuwe link',
    'people.members.renew.confirm': 'Een nieuwe link voor {name} maken? De oude link werkt dan niet meer.',
    'people.members.renew.yes': 'Ja, nieuwe link',
    'people.members.copy': 'Kopiëren',
    'people.members.copied': 'Gekopieerd',
    'people.member.kicker': 'Jouw plek in de groep',
    'people.member.hello': 'Je bent {name} in {group}',
    'people.member.lead':
      'Via deze link doe je mee als jezelf. Bewaar hem goed en deel hem met niemand: wie hem heeft, komt binnen als jou.',
    'people.member.meetings': 'Bijeenkomsten',
    'people.member.none': 'Er staat nog geen bijeenkomst klaar. Kom later terug via deze link.',
    'people.member.join': 'Meedoen',
    'people.member.joining': 'Bezig…',
    'people.member.noKey':
      'Privé-notities van deze bijeenkomst kun je met deze link nog niet lezen of schrijven. Open één keer de uitnodigingslink van je begeleider; daarna lukt het ook via deze link.',
    'people.member.loading': 'Je plek in de groep wordt opgehaald…',
    'people.join.asMember': 'Je doet mee als {name}, met je persoonlijke link van de groep.',
  },
  {
    'people.remove': 'Remove',
    'people.remove.confirm': 'Remove {name} from the meeting? This session cannot come back.',
    'people.remove.yes': 'Yes, remove',
    'people.remove.no': 'No',
    'people.guest': 'guest',
    'people.attendance.guest': '{name} (guest, {role}, {minutes} min)',
    'people.removed.title': 'You were removed from the meeting',
    'people.removed.body':
      'The facilitator took you out of this meeting. You no longer see the board and your session no longer works. If you think this is a mistake, contact the facilitator.',
    'people.members.hint':
      'Give each member their own personal link. With it they take part as themselves: the register, the turns and the look-back go by that link, not by a typed name.',
    'people.members.linkOf': 'Personal link of {name}',
    'people.members.noLink': 'Open this page with the group link to see the personal links.',
    'people.members.renew': 'New link',
    'people.members.renew.confirm': 'Make a new link for {name}? The old link stops working.',
    'people.members.renew.yes': 'Yes, new link',
    'people.members.copy': 'Copy',
    'people.members.copied': 'Copied',
    'people.member.kicker': 'Your place in the group',
    'people.member.hello': 'You are {name} in {group}',
    'people.member.lead':
      'With this link you take part as yourself. Keep it safe and share it with nobody: whoever has it comes in as you.',
    'people.member.meetings': 'Meetings',
    'people.member.none': 'No meeting is ready yet. Come back later through this link.',
    'people.member.join': 'Join',
    'people.member.joining': 'Joining…',
    'people.member.noKey':
      "With this link you cannot read or write this meeting's private notes yet. Open your facilitator's invitation link once; after that this link works for them too.",
    'people.member.loading': 'Fetching your place in the group…',
    'people.join.asMember': 'You take part as {name}, with your personal link of the group.',
  },
)
