import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { startTestServer } from '../helpers/inProcessServer'
import { makeTempDir } from '../helpers/tempDir'

it("starts with an organisation's valid templates and names the file and place of a broken one", async () => {
  const own = makeTempDir('intervisiebord-templates-')
  copyFileSync(
    path.resolve(import.meta.dirname, '../fixtures/mini-method.json'),
    path.join(own.dir, 'mini.json'),
  )
  const broken = JSON.parse(readFileSync(path.join(own.dir, 'mini.json'), 'utf8'))
  broken.id = 'kapotte-methode'
  broken.phases[1].zones.advies = { deelnemer: { can: ['add'] } }
  writeFileSync(path.join(own.dir, 'kapot.json'), JSON.stringify(broken))

  const lines: Array<{ line: string; fields?: Record<string, unknown> }> = []
  const server = await startTestServer({
    env: { TEMPLATES_DIR: own.dir },
    log: (line, fields) => lines.push({ line, fields }),
  })
  try {
    const { templates } = (await (await fetch(`${server.url}/api/templates`)).json()) as {
      templates: Array<{ id: string }>
    }
    const ids = templates.map((t) => t.id)
    expect(ids).toContain('mini-methode')
    expect(ids).toContain('roddelmethode')
    expect(ids).not.toContain('kapotte-methode')
    expect(ids).toHaveLength(19)
    const refused = lines.filter((l) => l.line === 'template refused')
    expect(refused).toHaveLength(1)
    expect(String(refused[0]!.fields?.file)).toMatch(/kapot\.json$/)
    expect(JSON.stringify(refused[0]!.fields?.problems)).toContain('phases[1].zones.advies: unknown zone')
  } finally {
    await server.stop()
    server.cleanup()
    own.cleanup()
  }
})
