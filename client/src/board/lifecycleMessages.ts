import { defineMessages } from '../i18n/defineMessages'

/**
 * Texts of a board's life cycle: erasing a free board, what is left when a board or meeting is
 * gone, how long a meeting is kept, and its export. Dutch first; English the same keys.
 */
export const lifecycleMessages = defineMessages(
  {
    'board.erase.short': 'Wissen',
    'board.erase.button': 'Dit bord wissen',
    'board.erase.confirm':
      'Het bord en alles erop verdwijnen voorgoed, ook voor iedereen die het nu open heeft en ook van de server. Dit kun je niet ongedaan maken.',
    'board.erase.yes': 'Ja, bord wissen',
    'board.erase.no': 'Niet wissen',
    'boardErased.title': 'Dit bord is gewist',
    'boardErased.body':
      'Iemand met de link heeft dit bord gewist. Het bord en alles wat erop stond, bestaan niet meer, ook niet op de server.',
    'boardErased.expired':
      'Dit bord is lange tijd niet gebruikt en is daarom gewist, zoals deze server na de bewaartermijn doet. Er staat niets meer van op de server.',
    'boardErased.new': 'Nieuw bord starten',
    'erased.expired':
      'Deze bijeenkomst is na de bewaartermijn gewist: ze werd een tijd niet gebruikt. Het bord, de notities, de namen en de links bestaan niet meer, ook niet op de server.',

    'keeping.title': 'Bewaren',
    'keeping.until': 'Bewaard tot {date}',
    'keeping.explain':
      'Na de laatste activiteit blijft de bijeenkomst {days} dagen bewaard; daarna wist de server alles. Elk gebruik telt opnieuw.',
    'keeping.followsGroup':
      'Deze bijeenkomst hoort bij een groep en blijft bewaard zolang de groep ({days} dagen na het laatste gebruik van de groep). Kies je hier dagen, dan gelden die voor deze bijeenkomst zelf.',
    'keeping.days': 'Aantal dagen (1 tot {max})',
    'keeping.save': 'Opslaan',
    'keeping.saved': 'Opgeslagen',
    'keeping.export': 'Alles exporteren (JSON)',
    'keeping.exportExplain':
      'Het bestand bevat het bord, de namen en rollen, de uitkomst en het verslag, zonder links. Een andere server kan het importeren.',
    'keeping.loading': 'Laden…',

    'import.open': 'Bijeenkomsten of een groep importeren uit een exportbestand',
    'import.explain':
      'Kies een bestand dat met “Alles exporteren” (een bijeenkomst) of “Exporteren (JSON)” (een groep) is gemaakt, op deze of een andere server. Je krijgt nieuwe links; de namen en het bord komen mee.',
    'import.file': 'Exportbestand (JSON)',
    'import.busy': 'Importeren…',
    'import.code': 'Importcode (van de beheerder van deze server)',
    'import.codeHint':
      'Zonder code lukt importeren alleen als de beheerder het voor iedereen heeft opengezet.',
    'import.notJson': 'Dit bestand is geen exportbestand (geen JSON).',
    'import.badField':
      'Dit exportbestand klopt niet bij “{field}”. Kies het bestand zoals het geëxporteerd is.',
    'import.done': 'Geïmporteerd',
    'import.doneLead': 'Bewaar de links: het zijn de sleutels van de geïmporteerde bijeenkomsten.',
    'import.open.facilitator': 'Openen als begeleider',
    'import.group.lead':
      'Het bestand was de export van een groep: de groep is opnieuw gemaakt, met haar leden, presentielijst en bijeenkomsten in dezelfde volgorde.',
    'import.group.linkTitle': 'Nieuwe groepslink',
    'import.group.linkText':
      'Hiermee open je de groep. De oude groepslink werkt hier niet; bewaar deze bij de begeleiders.',
    'import.group.open': 'Groep openen',
  },
  {
    'board.erase.short': 'Erase',
    'board.erase.button': 'Erase this board',
    'board.erase.confirm':
      'The board and everything on it go for good, also for everyone who has it open now, and from the server too. This cannot be undone.',
    'board.erase.yes': 'Yes, erase the board',
    'board.erase.no': 'Do not erase',
    'boardErased.title': 'This board has been erased',
    'boardErased.body':
      'Someone with the link erased this board. The board and everything on it no longer exist, on the server either.',
    'boardErased.expired':
      'This board was not used for a long time, so it was erased at the end of this server’s retention period. Nothing of it remains on the server.',
    'boardErased.new': 'Start a new board',
    'erased.expired':
      'This meeting was erased at the end of its retention period: it had not been used for a while. The board, the notes, the names and the links no longer exist, on the server either.',

    'keeping.title': 'Keeping',
    'keeping.until': 'Kept until {date}',
    'keeping.explain':
      'The meeting is kept {days} days after its last activity; then the server erases everything. Any use starts the count again.',
    'keeping.followsGroup':
      'This meeting belongs to a group and is kept as long as the group ({days} days after the group was last used). Days chosen here apply to this meeting itself.',
    'keeping.days': 'Number of days (1 to {max})',
    'keeping.save': 'Save',
    'keeping.saved': 'Saved',
    'keeping.export': 'Export everything (JSON)',
    'keeping.exportExplain':
      'The file holds the board, the names and roles, the outcome and the report, without links. Another server can import it.',
    'keeping.loading': 'Loading…',

    'import.open': 'Import meetings or a group from an export file',
    'import.explain':
      'Choose a file made with “Export everything” (a meeting) or “Export (JSON)” (a group), on this server or another. You get new links; the names and the board come along.',
    'import.file': 'Export file (JSON)',
    'import.busy': 'Importing…',
    'import.code': 'Import code (from the administrator of this server)',
    'import.codeHint': 'Without a code, importing works only if the administrator allowed it.',
    'import.notJson': 'This file is not an export file (not JSON).',
    'import.badField': 'This export file is not right at “{field}”. Choose the file as it was exported.',
    'import.done': 'Imported',
    'import.doneLead': 'Keep the links: they are the keys to the imported meetings.',
    'import.open.facilitator': 'Open as facilitator',
    'import.group.lead':
      'The file was a group’s export: the group has been made again, with its members, attendance list and meetings in the same order.',
    'import.group.linkTitle': 'New group link',
    'import.group.linkText':
      'This opens the group. The old group link does not work here; keep this one with the facilitators.',
    'import.group.open': 'Open the group',
  },
)
