import { defineMessages } from '../i18n/defineMessages'

/** Texts of the returned notes, the erased meeting and presence. Dutch first; English the same keys. */
export const stateMessages = defineMessages(
  {
    'returned.title': 'Teruggekomen notities',
    'returned.intro':
      'Deze tekst kwam niet op het bord, bijvoorbeeld omdat de fase al verder was of de notitie te lang werd. Alleen jij ziet hem.',
    'returned.why': 'Waarom: {reason}',
    'returned.copy': 'Tekst kopiëren',
    'returned.copied': 'Gekopieerd',
    'returned.copyFailed': 'Kopiëren lukte niet; selecteer de tekst en kopieer hem zelf.',
    'returned.place': 'Op het bord zetten',
    'returned.placeFailed': 'Dat lukte niet; zie de melding bovenaan.',
    'returned.nowhere': 'Je kunt nu nergens op het bord schrijven; bewaar de tekst met Kopiëren.',
    'returned.discard': 'Weggooien',
    'returned.show': 'Tonen',
    'returned.hide': 'Verbergen',
    'returned.notice':
      'Je notitie is niet op het bord gekomen. {reason} Je tekst staat bij Teruggekomen notities, linksonder.',
    'returned.editNotice':
      'Je wijziging is niet doorgevoerd. {reason} Wat je schreef staat bij Teruggekomen notities, linksonder.',

    'erased.title': 'Deze bijeenkomst is gewist',
    'erased.body':
      'De begeleider heeft de bijeenkomst gewist: het bord, alle notities, de namen en de links bestaan niet meer, ook niet op de server. Wat je voor jezelf in deze browser bewaarde, is ook weggehaald.',
    'erased.toFront': 'Naar de startpagina',

    'connection.offlineDetail':
      'Wat je nu doet, gaat mee zodra de verbinding terug is. Past het dan niet meer in de fase, dan krijg je je tekst terug.',

    'presence.online': 'online',
    'presence.away': 'even weg',
    'presence.left': 'niet aanwezig',
  },
  {
    'returned.title': 'Returned notes',
    'returned.intro':
      'This text did not make it onto the board, for instance because the phase had moved on or the note grew too long. Only you can see it.',
    'returned.why': 'Why: {reason}',
    'returned.copy': 'Copy text',
    'returned.copied': 'Copied',
    'returned.copyFailed': 'Copying did not work; select the text and copy it yourself.',
    'returned.place': 'Put on the board',
    'returned.placeFailed': 'That did not work; see the message at the top.',
    'returned.nowhere': 'You cannot write anywhere on the board now; keep the text with Copy.',
    'returned.discard': 'Discard',
    'returned.show': 'Show',
    'returned.hide': 'Hide',
    'returned.notice':
      'Your note did not make it onto the board. {reason} Your text is under Returned notes, bottom left.',
    'returned.editNotice':
      'Your change was not made. {reason} What you wrote is under Returned notes, bottom left.',

    'erased.title': 'This meeting has been erased',
    'erased.body':
      'The facilitator has erased the meeting: the board, every note, the names and the links no longer exist, on the server either. What you kept for yourself in this browser has been removed too.',
    'erased.toFront': 'To the front page',

    'connection.offlineDetail':
      'What you do now goes out once the connection is back. If it no longer fits the phase by then, you get your text back.',

    'presence.online': 'online',
    'presence.away': 'away',
    'presence.left': 'not present',
  },
)
