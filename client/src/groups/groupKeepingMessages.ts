import { defineMessages } from '../i18n/defineMessages'

/** Texts of the group page's card on keeping: how long the group is kept, and its export. */
export const groupKeepingMessages = defineMessages(
  {
    'groupKeeping.title': 'Bewaren en exporteren',
    'groupKeeping.until': 'Bewaard tot {date}',
    'groupKeeping.explain':
      'De groep en haar bijeenkomsten worden {days} dagen na het laatste gebruik gewist: het openen van deze pagina of een bijeenkomst van de groep telt als gebruik. Een bijeenkomst met een eigen bewaartermijn houdt die.',
    'groupKeeping.days': 'Dagen bewaren na het laatste gebruik (1 tot {max})',
    'groupKeeping.save': 'Opslaan',
    'groupKeeping.saved': 'Opgeslagen',
    'groupKeeping.export': 'Exporteren (JSON)',
    'groupKeeping.exportExplain':
      'Eén bestand met de naam, de leden, de presentielijst en elke bijeenkomst met bord, uitkomst en verslag; zonder links. Importeer het op de pagina voor een nieuwe bijeenkomst, hier of op een andere server.',
    'groupKeeping.loading': 'Laden…',
  },
  {
    'groupKeeping.title': 'Keeping and export',
    'groupKeeping.until': 'Kept until {date}',
    'groupKeeping.explain':
      'The group and its meetings are erased {days} days after they were last used: opening this page or one of the group’s meetings counts as use. A meeting with a retention period of its own keeps it.',
    'groupKeeping.days': 'Days to keep after the last use (1 to {max})',
    'groupKeeping.save': 'Save',
    'groupKeeping.saved': 'Saved',
    'groupKeeping.export': 'Export (JSON)',
    'groupKeeping.exportExplain':
      'One file with the name, the members, the attendance list and every meeting with its board, outcome and report; no links. Import it on the page for a new meeting, here or on another server.',
    'groupKeeping.loading': 'Loading…',
  },
)
