import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES_DIR, loadTemplates } from '../../server/src/templates/loadTemplates'

let extra: string

beforeEach(async () => {
  extra = await mkdtemp(path.join(os.tmpdir(), 'intervisie-templates-'))
})

afterEach(async () => {
  await rm(extra, { recursive: true, force: true })
})

async function builtin(id: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(BUILTIN_TEMPLATES_DIR, `${id}.json`), 'utf8'))
}

/** A valid organisation template: a copy of a built-in one under a new id. */
async function ownTemplate(id: string): Promise<Record<string, unknown>> {
  return { ...(await builtin('consultatiemethode')), id, ref: 'eigen' }
}

async function put(name: string, data: unknown): Promise<string> {
  const file = path.join(extra, name)
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2))
  return file
}

describe('loadTemplates', () => {
  it('exports the built-in directory as an absolute path to templates/methods', () => {
    expect(path.isAbsolute(BUILTIN_TEMPLATES_DIR)).toBe(true)
    expect(BUILTIN_TEMPLATES_DIR.split(path.sep).slice(-2)).toEqual(['templates', 'methods'])
  })

  it('loads an organisation’s own template after the built-in ones', async () => {
    await put('eigen-methode.json', await ownTemplate('eigen-methode'))
    await put('notities.txt', 'not a template')
    const { templates, errors } = await loadTemplates([BUILTIN_TEMPLATES_DIR, extra])
    expect(errors).toEqual([])
    expect(templates).toHaveLength(19)
    expect(templates.at(-1)?.id).toBe('eigen-methode')
    expect(templates.at(-1)?.ref).toBe('eigen')
  })

  it('reports a JSON syntax error with the file and the position', async () => {
    const file = await put('kapot.json', '{\n  "id": "kapot"\n  "ref": "x"\n}\n')
    const { templates, errors } = await loadTemplates([extra])
    expect(templates).toEqual([])
    expect(errors).toHaveLength(1)
    expect(errors[0]?.file).toBe(file)
    expect(errors[0]?.messages).toHaveLength(1)
    expect(errors[0]?.messages[0]).toMatch(/^invalid JSON: /)
    expect(errors[0]?.messages[0]).toContain('(line 3, column 3)')
  })

  it('names the phase and zone when a phase refers to an unknown zone', async () => {
    const data = await ownTemplate('met-fout')
    const phases = data.phases as Array<{ zones: Record<string, unknown> }>
    phases[3]!.zones.advies = { deelnemer: { can: ['add'] } }
    const file = await put('met-fout.json', data)
    const { errors } = await loadTemplates([extra])
    expect(errors).toHaveLength(1)
    expect(errors[0]?.file).toBe(file)
    expect(errors[0]?.messages).toContain('phases[3].zones.advies: unknown zone')
    expect(
      errors[0]?.messages.some((m) => m.includes('phases[') && m.includes('.zones.advies: unknown zone')),
    ).toBe(true)
  })

  it('reports schema errors by path', async () => {
    const data = { ...(await ownTemplate('zonder-minuten')) }
    const phases = data.phases as Array<Record<string, unknown>>
    phases[0]!.minutes = -5
    await put('zonder-minuten.json', data)
    const { errors } = await loadTemplates([extra])
    expect(errors[0]?.messages.some((m) => m.startsWith('phases[0].minutes: '))).toBe(true)
  })

  it('refuses overlapping zones', async () => {
    const data = await ownTemplate('overlap')
    const zones = data.zones as Array<{ id: string; layout: Record<string, number> }>
    zones[1]!.layout = { ...zones[0]!.layout }
    const file = await put('overlap.json', data)
    const { templates, errors } = await loadTemplates([extra])
    expect(templates).toEqual([])
    expect(errors).toEqual([
      { file, messages: [`zones: "${zones[0]!.id}" and "${zones[1]!.id}" overlap on the board grid`] },
    ])
  })

  it('refuses a duplicate id: the later file loses and the error names both files', async () => {
    const copy = { ...(await builtin('vissenkom')), name: { nl: 'Mijn vissenkom', en: 'My fishbowl' } }
    const file = await put('vissenkom-kopie.json', copy)
    const { templates, errors } = await loadTemplates([BUILTIN_TEMPLATES_DIR, extra])
    expect(templates).toHaveLength(18)
    const fishbowls = templates.filter((t) => t.id === 'vissenkom')
    expect(fishbowls).toHaveLength(1)
    expect(fishbowls[0]?.name.nl).toBe('Vissenkom')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.file).toBe(file)
    expect(errors[0]?.messages[0]).toContain('duplicate template id "vissenkom"')
    expect(errors[0]?.messages[0]).toContain(path.join(BUILTIN_TEMPLATES_DIR, 'vissenkom.json'))
  })

  it('within one directory, the first file in name order wins a duplicate id', async () => {
    const first = await put('a-eigen.json', await ownTemplate('eigen'))
    const second = await put('b-eigen.json', await ownTemplate('eigen'))
    const { templates, errors } = await loadTemplates([extra])
    expect(templates.map((t) => t.id)).toEqual(['eigen'])
    expect(errors).toHaveLength(1)
    expect(errors[0]?.file).toBe(second)
    expect(errors[0]?.messages[0]).toContain(first)
  })

  it('keeps the valid templates when others in the same directory are broken', async () => {
    await put('1-syntax.json', '{ "id": ')
    const unknownZone = await ownTemplate('onbekende-zone')
    ;(unknownZone.phases as Array<{ zones: Record<string, unknown> }>)[3]!.zones.advies = {}
    await put('2-zone.json', unknownZone)
    await put('3-dubbel.json', await builtin('modelling'))
    await put('4-goed.json', await ownTemplate('goede-eigen-methode'))
    const { templates, errors } = await loadTemplates([BUILTIN_TEMPLATES_DIR, extra])
    expect(templates).toHaveLength(19)
    expect(templates.map((t) => t.id)).toContain('goede-eigen-methode')
    expect(errors.map((e) => path.basename(e.file))).toEqual([
      '1-syntax.json',
      '2-zone.json',
      '3-dubbel.json',
    ])
    expect(errors[0]?.messages[0]).toMatch(/^invalid JSON: /)
    expect(errors[1]?.messages).toContain('phases[3].zones.advies: unknown zone')
    expect(errors[2]?.messages[0]).toContain('duplicate template id "modelling"')
  })

  it('reports a missing extra directory as an error and still loads the built-in ones', async () => {
    const missing = path.join(extra, 'bestaat-niet')
    const { templates, errors } = await loadTemplates([BUILTIN_TEMPLATES_DIR, missing])
    expect(templates).toHaveLength(18)
    expect(errors).toEqual([{ file: missing, messages: ['templates directory not found'] }])
  })

  it('ignores subdirectories, even ones named like JSON files', async () => {
    await mkdir(path.join(extra, 'map.json'))
    await put('eigen.json', await ownTemplate('eigen'))
    const { templates, errors } = await loadTemplates([extra])
    expect(errors).toEqual([])
    expect(templates.map((t) => t.id)).toEqual(['eigen'])
  })
})
