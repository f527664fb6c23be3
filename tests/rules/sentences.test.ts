import { describe, expect, it } from 'vitest'
import { countSentences } from '../../shared/sentences'

/** Texts as people write them on a case list, with the number of sentences a reader counts. */
const TABLE: Array<[string, number]> = [
  ['', 0],
  ['   ', 0],
  ['Mijn teamleider geeft nooit feedback', 1],
  ['Mijn teamleider geeft nooit feedback.', 1],
  ['Ik loop vast in een overleg. Niemand neemt een besluit.', 2],
  ['Ik loop vast in een overleg. Niemand neemt een besluit. Wat doe ik?', 3],
  ['Hoe zeg ik nee tegen mijn manager? Ik wil wel, maar het past niet!', 2],
  ['Een collega komt steeds te laat, bijv. bij het teamoverleg. Ik weet niet hoe ik het aankaart.', 2],
  // An abbreviation before a capital (a name, a place) does not end the sentence either.
  ['Ik bots met collega’s, bijv. Marieke uit het team. Wat doe ik daaraan?', 2],
  ['Wij werken in meerdere steden, bijv. Utrecht en Zwolle.', 1],
  ['Ik heb o.a. last van de werkdruk en d.w.z. dat ik niets afkrijg.', 1],
  ['Dhr. Jansen belt elke dag. Hoe ga ik daarmee om?', 2],
  ['Ik spreek morgen met mevr. de Boer over mijn rooster.', 1],
  ['Overleg met J. de Vries loopt stroef. Hij luistert niet.', 2],
  ['Ik bel morgen met A. Jansen over mijn rooster.', 1],
  ['Ik twijfel... moet ik het melden of niet?', 1],
  ['Ik twijfel... Moet ik het melden of niet?', 2],
  ['Hij zei: "Dat doen we niet." Daarna was het stil.', 2],
  ['Het gesprek is om 9.30 uur. Ik zie er tegenop.', 2],
  ['Wat doe ik?!', 1],
  ["Ik werk laat. 's Ochtends ben ik moe.", 2],
  ['We werken met de afdeling HR (zie o.a. het beleid). Dat helpt niet.', 2],
  ['My manager never gives feedback, e.g. after a project. How do I ask for it?', 2],
  ['I manage three teams, i.e. thirty people. Planning is hard. Who helps me?', 3],
  ['The client calls Mr. Smith daily; he forwards everything to me.', 1],
  ['Mijn probleem:\nik zeg te vaak ja.', 1],
  ['Eerste zin.\nTweede zin.\nDerde zin.', 3],
  ['Het budget is ca. 5000 euro. Mag ik dat zelf besteden?', 2],
  ['Ik ben nieuw in het team. Iedereen kent elkaar al lang. Ik voel me buitenstaander. Hoe kom ik erin?', 4],
]

describe('countSentences', () => {
  it.each(TABLE)('%j has %i sentence(s)', (text, expected) => {
    expect(countSentences(text)).toBe(expected)
  })
})
