import type { MeetingExport } from '../../shared/exportFormat'
import { api, createMeeting } from './meetingClient'
import { noteRecord } from './records'

/**
 * A real export of a fresh meeting from `base`, grown with notes until its JSON is about `bytes`
 * long: a big but honest file, as a long-running group's history would be.
 */
export async function bigExport(base: string, bytes: number): Promise<MeetingExport> {
  const setup = await createMeeting(base, 'roddelmethode')
  const exported = await api<MeetingExport>(base, `/meetings/${setup.meetingId}/export`, {
    token: setup.facilitator.token,
  })
  if (exported.status !== 200) throw new Error(`export failed: ${JSON.stringify(exported.body)}`)
  const file = exported.body
  const meeting = file.meetings[0]!
  const authorId = meeting.participants[0]!.id
  const text = 'Een casus over een ouder die elke dag belt en wat dat met het team doet. '.repeat(40)
  const size = () => JSON.stringify(file).length
  const perNote = JSON.stringify(noteRecord({ id: 'shape:x', x: 0, y: 0, authorId, text })).length
  const notes = Math.max(1, Math.floor((bytes - size()) / perNote))
  for (let i = 0; i < notes; i++) {
    const id = `shape:big-${i}`
    meeting.board.records.push(
      noteRecord({ id, x: (i % 40) * 220, y: Math.floor(i / 40) * 220, authorId, text }) as never,
    )
  }
  return file
}
