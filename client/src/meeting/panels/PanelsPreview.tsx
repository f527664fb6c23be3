import '../../styles/meeting.css'
import { useCallback, useEffect, useState } from 'react'
import { applyCommand, initialProgress, type MeetingProgress } from '../../../../templates/src/phaseMachine'
import type { RoleId, Template } from '../../../../templates/src/schema'
import type { MeetingView, ParticipantView } from '../../../../templates/src/wire'
import { useLanguage } from '../../i18n/useT'
import type { MeetingUiProps } from '../meetingUi'
import { FacilitatorControls } from './FacilitatorControls'
import { GroundRulesButton } from './GroundRulesButton'
import { GroundRulesOverlay } from './GroundRulesOverlay'
import { ParticipantsPanel } from './ParticipantsPanel'
import { PhaseBar } from './PhaseBar'

/*
 * A developer's preview of the meeting panels (not a page people use, so its own few labels are
 * not translated): the panels around a stand-in canvas, with a method from /api/templates and a
 * meeting simulated here with the real phase machine. Commands and role changes take a moment and
 * are refused as the server would refuse them. Mount it in place of MeetingPage to look around.
 */

const PEOPLE: ParticipantView[] = [
  { id: 'p-anna', name: 'Anna de Vries', role: 'begeleider', color: '#1d4ed8' },
  { id: 'p-bram', name: 'Bram Jansen', role: 'inbrenger', color: '#15803d' },
  { id: 'p-chantal', name: 'Chantal Bakker', role: 'deelnemer', color: '#be185d' },
  { id: 'p-dirk', name: 'Dirk van den Berg', role: 'deelnemer', color: '#c2410c' },
  { id: 'p-eva', name: 'Eva Smit', role: 'observer', color: '#7c3aed' },
]

/** Stand-ins for tldraw's canvas and the two panels of its own that ours must leave free. */
const CANVAS = {
  backgroundColor: '#fafbfc',
  backgroundImage: 'radial-gradient(#d0d7e1 1px, transparent 1px)',
  backgroundSize: '20px 20px',
} as const
const STAND_IN = {
  position: 'absolute',
  display: 'grid',
  placeItems: 'center',
  border: '1px dashed #98a2b3',
  borderRadius: 8,
  background: '#fff',
  color: '#98a2b3',
  fontSize: 12,
} as const

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Preset = 'notStarted' | 'running' | 'overrun' | 'paused' | 'round2' | 'finished'

function presetProgress(template: Template, preset: Preset, now: number): MeetingProgress {
  const base = initialProgress(now)
  const middle = Math.min(2, template.phases.length - 1)
  const minutes = template.phases[middle]?.minutes ?? 5
  switch (preset) {
    case 'notStarted':
      return base
    case 'running':
      return { ...base, phaseIndex: middle, phaseStartedAt: now - 95_000 }
    case 'overrun':
      return { ...base, phaseIndex: middle, phaseStartedAt: now - minutes * 60_000 - 133_000 }
    case 'paused':
      return { ...base, phaseIndex: middle, phaseStartedAt: now - 200_000, pausedAt: now - 20_000 }
    case 'round2': {
      const block = template.repeats[0]
      const from = block ? template.phases.findIndex((p) => p.id === block.from) : middle
      return { ...base, phaseIndex: from, round: 2, phaseStartedAt: now - 30_000 }
    }
    case 'finished':
      return { ...base, phaseIndex: template.phases.length - 1, finished: true, pausedAt: now }
  }
}

export function PanelsPreview() {
  const language = useLanguage()
  const [templateIds, setTemplateIds] = useState<string[]>([])
  const [templateId, setTemplateId] = useState('roddelmethode')
  const [template, setTemplate] = useState<Template | null>(null)
  const [progress, setProgress] = useState<MeetingProgress>(() => initialProgress(Date.now()))
  const [people, setPeople] = useState(PEOPLE)
  const [meId, setMeId] = useState('p-anna')
  const [inviteKnown, setInviteKnown] = useState(true)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    fetch('/api/templates')
      .then((response) => response.json() as Promise<{ templates: Template[] }>)
      .then((body) => setTemplateIds(body.templates.map((t) => t.id)))
      .catch(() => setTemplateIds([]))
  }, [])

  useEffect(() => {
    let current = true
    fetch(`/api/templates/${templateId}`)
      .then((response) => response.json() as Promise<{ template: Template }>)
      .then((body) => {
        if (!current) return
        setTemplate(body.template)
        setProgress(initialProgress(Date.now()))
      })
      .catch((error: unknown) => setFailure(String(error)))
    return () => {
      current = false
    }
  }, [templateId])

  const serverNow = useCallback(() => Date.now(), [])

  if (failure) return <p role="alert">Preview: {failure}</p>
  if (!template) return <p>Preview: loading {templateId}…</p>

  const me = people.find((p) => p.id === meId) ?? people[0]!
  const view: MeetingView = {
    meetingId: 'preview',
    templateId: template.id,
    title: 'Intervisie team Noord, 12 maart',
    progress,
    participants: people,
  }
  const ui: MeetingUiProps = {
    template,
    view,
    me,
    language,
    serverNow,
    inviteLink: inviteKnown ? `${window.location.origin}/m/AbCdEfGhIjKlMnOpQrStUv#uitnodiging=preview` : null,
    onCommand: async (command) => {
      await delay(350)
      const result = applyCommand(template, progress, command, Date.now())
      if (!result.ok) throw new Error(result.error)
      setProgress(result.progress)
    },
    onAssignRole: async (participantId, role: RoleId) => {
      await delay(350)
      const target = people.find((p) => p.id === participantId)
      const facilitators = people.filter((p) => p.role === 'begeleider')
      if (target?.role === 'begeleider' && role !== 'begeleider' && facilitators.length === 1)
        throw new Error('A meeting keeps at least one begeleider.')
      setPeople((all) => all.map((p) => (p.id === participantId ? { ...p, role } : p)))
    },
  }

  const presets: Preset[] = ['notStarted', 'running', 'overrun', 'paused', 'finished']
  if (template.repeats.length > 0) presets.splice(4, 0, 'round2')

  return (
    <div className="board">
      <header className="board-header" style={{ flexWrap: 'wrap', gap: 8 }}>
        <strong>Panels preview</strong>
        <select
          value={templateId}
          onChange={(event) => setTemplateId(event.target.value)}
          aria-label="Method"
        >
          {(templateIds.length ? templateIds : [templateId]).map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
        <select value={meId} onChange={(event) => setMeId(event.target.value)} aria-label="View as">
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.role})
            </option>
          ))}
        </select>
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button button--quiet"
            onClick={() => setProgress(presetProgress(template, preset, Date.now()))}
          >
            {preset}
          </button>
        ))}
        <label>
          <input
            type="checkbox"
            checked={inviteKnown}
            onChange={(event) => setInviteKnown(event.target.checked)}
          />{' '}
          invite known
        </label>
        <div className="board-header__actions">
          <GroundRulesButton {...ui} />
        </div>
      </header>
      <div className="meeting-top">
        <PhaseBar {...ui} />
        <FacilitatorControls {...ui} />
      </div>
      <div className="meeting-body">
        <main className="meeting-body__canvas" style={CANVAS}>
          <div style={{ ...STAND_IN, top: 8, right: 8, width: 148, height: 220 }}>style panel</div>
          <div
            style={{
              ...STAND_IN,
              bottom: 8,
              left: '50%',
              transform: 'translateX(-50%)',
              width: 420,
              height: 48,
            }}
          >
            toolbar
          </div>
          {progress.phaseIndex === -1 ? <GroundRulesOverlay {...ui} /> : null}
        </main>
        <ParticipantsPanel {...ui} />
      </div>
    </div>
  )
}

export default PanelsPreview
