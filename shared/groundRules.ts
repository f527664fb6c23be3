import type { LocalizedText } from './schema'

/**
 * The general ground rules of intervisie, shown at the start of every meeting whatever the method
 * (after the Schatkist hand-out, seed 004). A method's own rules come on top (`Template.groundRules`).
 */
export const GENERAL_GROUND_RULES: LocalizedText[] = [
  {
    nl: 'Je doet mee omdat je dat zelf wilt: deelname is vrijwillig.',
    en: 'You take part because you choose to: joining is voluntary.',
  },
  {
    nl: 'We spreken elkaar aan als gelijken, welke functie of ervaring je ook hebt.',
    en: 'We meet as equals, whatever our job title or experience.',
  },
  {
    nl: 'We zorgen samen voor een veilige groep. Wat hier gezegd wordt, blijft in deze groep.',
    en: 'Together we keep the group safe. What is said here stays in this group.',
  },
  {
    nl: 'We gaan met respect met elkaar om, ook als we iets anders zien.',
    en: 'We treat each other with respect, also when we see things differently.',
  },
  {
    nl: 'De inbrenger mag op elk moment een grens trekken: een vraag hoeft niet beantwoord te worden.',
    en: 'The case presenter may draw a line at any moment: no question has to be answered.',
  },
  {
    nl: 'We willen de inbrenger niet overtuigen maar steunen, en we verkennen samen alle mogelijkheden.',
    en: 'We do not try to convince the case presenter but to support them, and we explore every option together.',
  },
  {
    nl: 'De begeleider bewaakt het proces en doet inhoudelijk niet mee.',
    en: 'The facilitator guards the process and stays out of the content.',
  },
  {
    nl: 'Iedereen stemt in met de werkwijze die we vandaag volgen.',
    en: 'Everyone agrees to the way of working we follow today.',
  },
  {
    nl: 'We houden ons aan de stappen: geen advies voordat de adviesfase begint, en steeds één vraag tegelijk.',
    en: 'We keep to the steps: no advice before the advice phase, and one question at a time.',
  },
  {
    nl: 'Intervisietijd is intervisietijd: telefoons uit, niemand is even bereikbaar voor het werk.',
    en: 'Intervision time is intervision time: phones off, nobody is on call for work.',
  },
]
