import { afterAll, beforeAll, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import { type BoardRecord, DOCUMENT_ID } from '../../shared/boardRecords'
import type { ExportedMeeting } from '../../shared/exportFormat'
import type { MeetingOutcome } from '../../shared/outcome/meetingOutcome'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * A whole G1 meeting (Intervisie in 8 stappen) through the real server, as stock clients: the
 * case, a question, each writes privately (sealed; one leaves before the reveal), the reveal by
 * the begeleider's client, a summary, the inbrenger's reaction and SMART action, an evaluation.
 * The exported outcome and its Markdown report hold what was done on the board.
 */
let server: TestServer
const clients: ResettingClient[] = []
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const ACTION = {
  specifiek: 'De ouder een vast belmoment per week geven',
  meetbaar: 'Vier weken lang elke dinsdag om 16 uur',
  acceptabel: 'Mijn teamleider vindt het goed',
  realistisch: 'Een half uur per week past',
  tijdgebonden: 'Vanaf volgende week, evaluatie na vier weken',
}

it('ends a G1 meeting with an outcome and a report that hold what was done, the sealed notes sealed', async () => {
  const m = await meetingIn(server.url, 'intervisie-8-stappen', 'casus', {
    Ina: 'inbrenger',
    Piet: 'deelnemer',
    Sara: 'deelnemer',
  })
  const connect = (name: string) => {
    const c = new ResettingClient(server.url, m.roomId, m.people[name]!.token)
    clients.push(c)
    return c
  }
  const [bea, ina, piet, sara] = ['begeleider', 'Ina', 'Piet', 'Sara'].map(connect) as ResettingClient[]
  for (const c of [bea!, ina!, piet!, sara!]) await c.synced()
  let n = 0
  const write = async (client: ResettingClient, name: string, zone: string, text: string) => {
    const id = `shape:g1-${n++}`
    client.current.kv.set(
      id,
      noteRecord({ id, ...inZone(m.template, zone, (n % 3) * 220), authorId: m.people[name]!.id, text }),
    )
    await eventually(() => bea!.current.kv.get(id) !== undefined, 3000, `${text} on the board`)
    return id
  }
  const goto = (phaseId: string) => command(server.url, m.setup, { type: 'goto', phaseId })

  await write(ina!, 'Ina', 'casus', 'Een ouder belt elke dag boos over de begeleiding van haar zoon')
  await goto('doorvragen')
  await write(piet!, 'Piet', 'vragen', 'Wat wil de ouder eigenlijk bereiken?')

  // Step 3: each writes for themself, sealed with the meeting key; Piet leaves before the reveal.
  await goto('ieder-voor-zich')
  const key = await importMeetingKey(newMeetingKey())
  const sealedNote = async (name: string, text: string) => {
    const id = `shape:g1-private-${name}`
    const res = await api(server.url, `/meetings/${m.setup.meetingId}/drafts/mine/wat-speelt-er`, {
      method: 'PUT',
      body: {
        drafts: [{ shapeId: id, sealed: await sealText(key, m.setup.meetingId, id, text) }],
        ready: true,
      },
      token: m.people[name]!.token,
    })
    expect(res.status).toBe(200)
  }
  await sealedNote('Piet', 'De ouder voelt zich niet gehoord')
  await sealedNote('Sara', 'Er is geen vaste afspraak over contact')
  piet!.destroy()
  await goto('ophalen')
  // The server places both, sealed, whoever is still there.
  await eventually(() => bea!.current.kv.get('shape:g1-private-Piet') !== undefined, 3000, 'revealed')

  await goto('samenvatten')
  await write(sara!, 'Sara', 'samenvatting', 'De ouder mist houvast: wanneer hoort zij iets?')
  await goto('reactie-inbrenger')
  await write(ina!, 'Ina', 'reactie-inbrenger', 'Herkenbaar: ik reageer alleen als zij belt')
  await goto('smart-actie')
  const tip = await write(sara!, 'Sara', 'tips', 'Spreek een vast belmoment af')
  const doc = ina!.current.kv.get(DOCUMENT_ID) as BoardRecord
  ina!.current.kv.set(DOCUMENT_ID, {
    ...doc,
    meta: { ...doc.meta, outcome: { chosenAdviceId: tip, action: ACTION } },
  } as BoardRecord)
  await eventually(
    () =>
      ((bea!.current.kv.get(DOCUMENT_ID) as BoardRecord).meta as { outcome?: unknown }).outcome !== undefined,
    3000,
    'the action on the board',
  )
  await goto('evaluatie')
  await write(sara!, 'Sara', 'evaluatie', 'Fijn dat iedereen eerst zelf schreef')
  await command(server.url, m.setup, { type: 'finish' })
  expect([ina!, sara!, bea!].flatMap((c) => c.refusals)).toEqual([])

  const exported = await api<{ meetings: ExportedMeeting[] }>(
    server.url,
    `/meetings/${m.setup.meetingId}/export`,
    {
      token: m.people.begeleider!.token,
    },
  )
  expect(exported.status).toBe(200)
  const meeting = exported.body.meetings[0]!
  const outcome = meeting.outcome as MeetingOutcome
  const report = meeting.report
  const inZoneTexts = (zoneId: string) =>
    Object.values(outcome.zones)
      .flat()
      .find((z) => z.id === zoneId)
      ?.notes.map((note) => `${note.text} (${note.author ?? '-'})`) ?? []
  expect(inZoneTexts('casus')).toEqual([
    'Een ouder belt elke dag boos over de begeleiding van haar zoon (Ina)',
  ])
  expect(inZoneTexts('samenvatting')).toEqual(['De ouder mist houvast: wanneer hoort zij iets? (Sara)'])
  expect(inZoneTexts('tips')).toEqual(['Spreek een vast belmoment af (Sara)'])
  // What each wrote for themself, and the inbrenger's reaction: in the report under their zones.
  // What each wrote for themself stays sealed in the export too: the server cannot read it, so
  // its own report leaves it out; the ciphertext travels and opens with the meeting key.
  expect(inZoneTexts('wat-speelt-er')).toEqual([])
  expect(inZoneTexts('reactie-inbrenger')).toEqual(['Herkenbaar: ik reageer alleen als zij belt (Ina)'])
  expect(report!.nl).toContain('### Wat spreekt mij aan')
  expect(outcome.chosenAdvice?.text).toBe('Spreek een vast belmoment af')
  expect(outcome.action).toEqual(ACTION)
  // The sealed notes are on the board under their authors, Piet's though he had left.
  const authors = meeting.board.records
    .filter((r) => String((r as { id: string }).id).startsWith('shape:g1-private-'))
    .map((r) => (r as unknown as { meta: { authorId: string } }).meta.authorId)
  expect(authors.sort()).toEqual([m.people.Piet!.id, m.people.Sara!.id].sort())
  const piets = meeting.board.records.find(
    (r) => (r as { id: string }).id === 'shape:g1-private-Piet',
  ) as BoardRecord
  const sealed = (piets.meta as { sealed: string }).sealed
  expect(await openText(key, m.setup.meetingId, 'shape:g1-private-Piet', sealed)).toBe(
    'De ouder voelt zich niet gehoord',
  )
  expect(JSON.stringify(exported.body)).not.toContain('De ouder voelt zich niet gehoord')
  for (const text of [
    'Een ouder belt elke dag boos',
    'Wat wil de ouder eigenlijk bereiken?',
    'De ouder mist houvast',
    'Spreek een vast belmoment af',
    'Herkenbaar: ik reageer alleen als zij belt',
    ACTION.tijdgebonden,
    'Fijn dat iedereen eerst zelf schreef',
  ])
    expect(report!.nl).toContain(text)
})
