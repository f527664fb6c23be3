import { defineMessages } from '../i18n/defineMessages'

/**
 * Every refusal the server can send, worded here, once, in Dutch and English. The server sends a
 * stable code with its data (server/src/app.ts); the sentence it adds is for logs, never shown.
 */
export const apiErrorMessages = defineMessages(
  {
    'api.network': 'Geen verbinding met de server. Probeer het zo nog eens.',
    'api.unknown': 'Dat lukte niet (foutcode {code}). Probeer het nog eens of laad de pagina opnieuw.',
    'api.invalid_json': 'De server begreep het verzoek niet. Laad de pagina opnieuw en probeer het nog eens.',
    'api.invalid_body':
      'De server begreep het veld “{field}” niet. Laad de pagina opnieuw en probeer het nog eens.',
    'api.invalid_body.tooLong': 'Dat is te lang: hoogstens {max} tekens.',
    'api.invalid_body.titleTooLong': 'De titel is te lang: hoogstens {max} tekens.',
    'api.unknown_template':
      'De methode “{templateId}” bestaat niet (meer) op deze server. Kies een andere methode.',
    'api.invalid_link':
      'Deze link werkt niet (meer). Misschien heeft de begeleider een nieuwe uitnodigingslink gemaakt, of is de bijeenkomst gewist. Vraag de begeleider om de link die nu geldt.',
    'api.invalid_session': 'Je sessie is verlopen. Open je link opnieuw.',
    'api.invalid_name': 'Je naam heeft {min} tot {max} tekens.',
    'api.unknown_meeting': 'Deze bijeenkomst bestaat niet (meer).',
    'api.not_facilitator': 'Alleen de begeleider kan dit doen.',
    'api.unknown_participant': 'Deze deelnemer hoort niet (meer) bij de bijeenkomst.',
    'api.role_not_in_method': 'Deze rol komt in deze methode niet voor.',
    'api.last_facilitator':
      'Er moet altijd een begeleider zijn. Maak eerst iemand anders begeleider, dan kun je deze rol wijzigen.',
    'api.internal': 'Er ging op de server iets mis. Probeer het zo nog eens.',
    'api.invalid_group_link':
      'Deze groepslink werkt niet. Vraag de begeleider van de groep om de link die nu geldt.',
    'api.no_look_back': 'Deze bijeenkomst heeft geen terugblik op een vorige.',
    'api.not_previous_inbrenger':
      'Alleen wie de vorige keer de casus inbracht (binnengekomen met de eigen persoonlijke link) of de begeleider kan dit invullen.',
    'api.name_taken':
      'Iemand in deze bijeenkomst heet al zo (of de naam is van een groepslid). Kies een andere naam; ben je zelf dat groepslid, open dan je persoonlijke link.',
    'api.meeting_full': 'Deze bijeenkomst is vol: er kunnen hoogstens {max} mensen tegelijk in.',
    'api.cannot_remove_self': 'Je kunt jezelf niet uit de bijeenkomst verwijderen.',
    'api.invalid_member_link':
      'Deze persoonlijke link werkt niet (meer). Vraag de begeleider van de groep om je nieuwe link.',
    'api.unknown_member': 'Dit groepslid bestaat niet (meer).',
    'api.command_refused': 'Dat kan nu niet in deze fase.',
    'api.command_refused.start': 'De bijeenkomst is al begonnen.',
    'api.command_refused.next': 'Dit is de laatste fase. Rond de bijeenkomst af als jullie klaar zijn.',
    'api.command_refused.previous': 'Er is geen vorige fase.',
    'api.command_refused.goto': 'Die fase bestaat niet in deze methode.',
    'api.command_refused.nextRound':
      'Er is geen volgende ronde: deze fase hoort niet bij een ronde die zich herhaalt, of elk onderwerp is al aan de beurt geweest.',
    'api.command_refused.pause': 'De timer staat al stil.',
    'api.command_refused.resume': 'De timer loopt al.',
    'api.command_refused.extend': 'De bijeenkomst is nog niet begonnen.',
    'api.command_refused.takeTime':
      'Zoveel minuten zijn er in de latere fasen niet te halen: elke fase houdt minstens een minuut.',
    'api.command_refused.turnsStart': 'Iedereen komt één keer aan de beurt in een ronde.',
    'api.command_refused.turnsNext': 'Er loopt geen ronde meer: iedereen is aan de beurt geweest.',
    'api.command_refused.turnsSkip': 'Er loopt geen ronde meer: iedereen is aan de beurt geweest.',
    'api.command_refused.turnsBack': 'Dit is de eerste beurt van de ronde.',
    'api.command_refused.turnsEnd': 'Er loopt geen ronde.',
    'api.command_refused.breakStart': 'De pauze is al begonnen.',
    'api.command_refused.breakEnd': 'Er is geen pauze om te beëindigen.',
    'api.retention_out_of_range': 'Kies {min} tot {max} dagen.',
    'api.not_a_free_board': 'Dit is geen vrij bord; een bijeenkomst wist alleen de begeleider.',
    'api.invalid_import': 'Dit exportbestand klopt niet bij “{field}”: {problem}',
    'api.import_too_large': 'Dit exportbestand is groter dan de server aanneemt (hoogstens {max} bytes).',
    'api.import_off':
      'Importeren staat op deze server uit. De beheerder kan het aanzetten met een importcode.',
    'api.import_code_wrong':
      'Deze importcode klopt niet. Vraag de beheerder van deze server om de juiste code.',
    'api.import_busy': 'De server is nog met andere imports bezig. Probeer het over een minuut nog eens.',
    'api.import_failed':
      'Het exportbestand kon niet worden gelezen; er is niets gemaakt. Probeer het nog eens.',
    'api.too_many_creations':
      'Vanaf jouw adres is in korte tijd veel aangemaakt. Probeer het over {retryAfter} seconden nog eens.',
    'api.meeting_not_in_group': 'Deze bijeenkomst hoort niet bij deze groep.',
    'api.too_many_member_keys': 'Te veel sleutels in één keer; probeer het opnieuw vanaf de groepspagina.',
    'api.invalid_member_key':
      'Een sleutel voor een groepslid had niet de verwachte vorm; er is niets bewaard.',
    'api.member_key_missing':
      'Er is nog geen sleutel voor jou bij deze bijeenkomst. Open één keer de uitnodigingslink van je begeleider.',
    'api.not_current':
      'Deze server weet even niet zeker of hij de laatste stand van de bijeenkomst heeft. Er is niets veranderd; probeer het over een paar seconden nog eens.',
    'api.not_confirmed':
      'De wijziging is bewaard, maar niet elke server heeft haar bevestigd. Controleer over een paar seconden of ze overal geldt.',
    'api.command_refused.revealMode': 'Dat kan nu niet.',
    'api.zone_not_private':
      'In deze zone schrijf je nu niet meer voor jezelf; je notities gaan mee met de onthulling.',
    'api.draft_quota': 'Hier mag je hoogstens {max} notities schrijven.',
    'api.not_revealed': 'Deze notitie staat niet (meer) als onthulde notitie op het bord.',
    'api.not_your_revealed':
      'Deze notitie staat niet als jouw onthulde notitie op het bord; alleen wie haar schreef kan haar tekst veranderen.',
    'api.not_anonymous': 'Deze notitie staat op naam; verander haar tekst gewoon op het bord.',
    'api.revealed_removed':
      'De begeleider heeft deze notitie verwijderd; haar tekst kan niet meer veranderen.',
    'api.body_too_large':
      'Dat is te veel in één keer (hoogstens {max} bytes). Maak het kleiner of verdeel het.',
    'api.command_refused.setVotes': 'In deze fase wordt niet gestemd.',
    'api.command_refused.closeVoting': 'De stemming is niet open.',
    'api.vote_refused': 'Je stem kon niet worden verwerkt. Probeer het nog eens.',
    'api.vote_refused.notOpen': 'Stemmen kan nu niet: de begeleider heeft de stemming niet (meer) open.',
    'api.vote_refused.noVotesLeft':
      'Je hebt al je stemmen gebruikt. Haal er een terug als je anders wilt kiezen.',
    'api.vote_refused.notVoted': 'Op deze casus heb je geen stem staan om terug te halen.',
    'api.vote_refused.notOnList': 'Deze casus staat niet (meer) op de lijst.',
    'api.vote_refused.notAllowed': 'Als observator kijk je mee; de groep stemt.',
    'api.case_refused': 'Deze casus kon niet op de lijst.',
    'api.case_refused.tooLong': 'Deze casus is te lang: hoogstens {max} zinnen.',
    'api.case_refused.empty': 'Schrijf eerst je casus.',
    'api.case_refused.listFull': 'De casuslijst is vol.',
    'api.no_case_list': 'Deze methode heeft geen casuslijst.',
    'api.command_refused.splitGroups':
      'In deze fase wordt niet in tweetallen of subgroepjes gewerkt, of iemand staat in twee groepjes.',
    'api.command_refused.endGroups': 'De groep is niet in tweetallen of subgroepjes verdeeld.',
    'api.group_member_refused':
      'Niet iedereen in deze indeling doet mee: de begeleider en observatoren werken niet in een tweetal. Vernieuw de indeling.',
    'api.not_reflection_author': 'Alleen de inbrenger die het reflectieverslag schreef, kan het veranderen.',
    'api.reflection_signed_off': 'Het reflectieverslag is afgetekend; het verandert niet meer.',
    'api.no_reflection': 'Er is geen reflectieverslag om af te tekenen.',
  },
  {
    'api.network': 'No connection to the server. Please try again in a moment.',
    'api.unknown': 'That did not work (error code {code}). Try again or reload the page.',
    'api.invalid_json': 'The server did not understand the request. Reload the page and try again.',
    'api.invalid_body': 'The server did not understand the field “{field}”. Reload the page and try again.',
    'api.invalid_body.tooLong': 'That is too long: {max} characters at most.',
    'api.invalid_body.titleTooLong': 'The title is too long: {max} characters at most.',
    'api.unknown_template':
      'The method “{templateId}” does not exist on this server (any more). Choose another one.',
    'api.invalid_link':
      'This link does not work (any more). The facilitator may have made a new invite link, or erased the meeting. Ask the facilitator for the current link.',
    'api.invalid_session': 'Your session has expired. Open your link again.',
    'api.invalid_name': 'Your name has {min} to {max} characters.',
    'api.unknown_meeting': 'This meeting does not exist (any more).',
    'api.not_facilitator': 'Only the facilitator can do this.',
    'api.unknown_participant': 'This participant is not part of the meeting (any more).',
    'api.role_not_in_method': 'This method does not have that role.',
    'api.last_facilitator':
      'There must always be a facilitator. Make someone else facilitator first, then you can change this role.',
    'api.internal': 'Something went wrong on the server. Please try again in a moment.',
    'api.invalid_group_link':
      'This group link does not work. Ask the group’s facilitator for the current link.',
    'api.no_look_back': 'This meeting has no look-back on an earlier one.',
    'api.not_previous_inbrenger':
      'Only whoever brought last time’s case (having come in with their own personal link) or the facilitator can fill this in.',
    'api.name_taken':
      'Someone in this meeting already has this name (or it belongs to a group member). Choose another; if you are that member, open your personal link.',
    'api.meeting_full': 'This meeting is full: at most {max} people can be in it at once.',
    'api.cannot_remove_self': 'You cannot remove yourself from the meeting.',
    'api.invalid_member_link':
      'This personal link does not work (any more). Ask the group’s facilitator for your new link.',
    'api.unknown_member': 'This group member does not exist (any more).',
    'api.command_refused': 'That is not possible in this phase.',
    'api.command_refused.start': 'The meeting has already started.',
    'api.command_refused.next': 'This is the last phase. Finish the meeting when you are done.',
    'api.command_refused.previous': 'There is no previous phase.',
    'api.command_refused.goto': 'That phase does not exist in this method.',
    'api.command_refused.nextRound':
      'There is no next round: this phase is not part of a repeating round, or every topic has had its turn.',
    'api.command_refused.pause': 'The timer is already paused.',
    'api.command_refused.resume': 'The timer is already running.',
    'api.command_refused.extend': 'The meeting has not started yet.',
    'api.command_refused.takeTime':
      'The later phases do not have that many minutes to spare: each keeps at least one.',
    'api.command_refused.turnsStart': 'Each person comes once in a round.',
    'api.command_refused.turnsNext': 'No round is going on any more: everyone has had their turn.',
    'api.command_refused.turnsSkip': 'No round is going on any more: everyone has had their turn.',
    'api.command_refused.turnsBack': 'This is the first turn of the round.',
    'api.command_refused.turnsEnd': 'No round is going on.',
    'api.command_refused.breakStart': 'The break has already started.',
    'api.command_refused.breakEnd': 'There is no break to end.',
    'api.retention_out_of_range': 'Choose {min} to {max} days.',
    'api.not_a_free_board': 'This is not a free board; only its facilitator erases a meeting.',
    'api.invalid_import': 'This export file is not right at “{field}”: {problem}',
    'api.import_too_large': 'This export file is larger than the server accepts ({max} bytes at most).',
    'api.import_off':
      'Importing is off on this server. Its administrator can turn it on with an import code.',
    'api.import_code_wrong':
      'This import code is not right. Ask the administrator of this server for the right one.',
    'api.import_busy': 'The server is busy with other imports. Try again in a minute.',
    'api.import_failed': 'The export file could not be read; nothing was made. Please try again.',
    'api.too_many_creations':
      'A lot was created from your address in a short time. Try again in {retryAfter} seconds.',
    'api.meeting_not_in_group': 'This meeting does not belong to this group.',
    'api.too_many_member_keys': 'Too many keys at once; try again from the group page.',
    'api.invalid_member_key': 'A key for a group member was not in the expected form; nothing was stored.',
    'api.member_key_missing':
      'There is no key for you at this meeting yet. Open your facilitator’s invitation link once.',
    'api.not_current':
      'This server cannot be sure it has the meeting’s latest state. Nothing changed; try again in a few seconds.',
    'api.not_confirmed':
      'The change was stored, but not every server confirmed it. Check in a few seconds that it holds everywhere.',
    'api.command_refused.revealMode': 'That is not possible now.',
    'api.zone_not_private':
      'You no longer write for yourself in this zone; your notes go along with the reveal.',
    'api.draft_quota': 'You may write at most {max} notes here.',
    'api.not_revealed': 'This note is not (or no longer) on the board as a revealed note.',
    'api.not_your_revealed':
      'This note is not on the board as a revealed note of yours; only its author can change its text.',
    'api.not_anonymous': 'This note carries its author’s name; change its text on the board as usual.',
    'api.revealed_removed': 'The facilitator removed this note; its text can no longer change.',
    'api.body_too_large': 'That is too much at once ({max} bytes at most). Make it smaller or split it up.',
    'api.command_refused.setVotes': 'There is no vote in this phase.',
    'api.command_refused.closeVoting': 'The vote is not open.',
    'api.vote_refused': 'Your vote could not be taken. Please try again.',
    'api.vote_refused.notOpen': 'You cannot vote now: the facilitator has not opened the vote, or closed it.',
    'api.vote_refused.noVotesLeft':
      'You have used all your votes. Take one back if you want to choose differently.',
    'api.vote_refused.notVoted': 'You have no vote on this case to take back.',
    'api.vote_refused.notOnList': 'This case is not on the list (any more).',
    'api.vote_refused.notAllowed': 'As an observer you watch along; the group votes.',
    'api.case_refused': 'This case could not go on the list.',
    'api.case_refused.tooLong': 'This case is too long: {max} sentences at most.',
    'api.case_refused.empty': 'Write your case first.',
    'api.case_refused.listFull': 'The case list is full.',
    'api.no_case_list': 'This method has no case list.',
    'api.command_refused.splitGroups':
      'This phase has no work in pairs or subgroups, or someone is in two groups.',
    'api.command_refused.endGroups': 'The group is not split into pairs or subgroups.',
    'api.group_member_refused':
      'Not everyone in this split takes part: the facilitator and observers do not work in a pair. Make the split again.',
    'api.not_reflection_author': 'Only the case presenter who wrote the reflection report can change it.',
    'api.reflection_signed_off': 'The reflection report was signed off; it no longer changes.',
    'api.no_reflection': 'There is no reflection report to sign off.',
  },
)

export type ApiErrorKey = keyof typeof apiErrorMessages.nl
