import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError, refusal } from '../../client/src/api/apiClient'
import { apiErrorMessages, describeApiError } from '../../client/src/api/apiErrors'
import { applyCommand, type MeetingCommand } from '../../shared/phaseMachine'
import { method, progressAt } from './support'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/** Every code the server's source can answer with: ApiError codes and `error: '…'` literals. */
function serverCodes(): string[] {
  const root = path.join(import.meta.dirname, '../../server/src')
  const codes = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith('.ts')) {
        const source = readFileSync(file, 'utf8')
        for (const m of source.matchAll(/new ApiError\(\s*\d+,\s*'([a-z_]+)'/g)) codes.add(m[1]!)
        for (const m of source.matchAll(/\berror: '([a-z_]+)'/g)) codes.add(m[1]!)
      }
    }
  }
  walk(root)
  return [...codes].sort()
}

describe('api error texts', () => {
  it('has both languages for every text, with the same placeholders', () => {
    const { nl, en } = apiErrorMessages
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]))
    }
  })

  it('words every code the server sends with a text of its own', () => {
    const codes = serverCodes()
    // The scan must find the codes this test was written against, or it scans nothing.
    expect(codes).toEqual(expect.arrayContaining(['invalid_link', 'invalid_name', 'command_refused']))
    const generic = new Set(['not_found', 'http_error'])
    for (const code of codes.filter((c) => !generic.has(c))) {
      expect(describeApiError(new ApiError(400, code)).key, code).not.toBe('api.unknown')
    }
  })

  it('fills in the data the server sends: limits as numbers, the field, the template', () => {
    // Other limits than today's, so the numbers must come from the answer.
    const name = describeApiError(refusal(400, { error: 'invalid_name', min: 2, max: 30, message: 'x' }))
    expect(name).toEqual({ key: 'api.invalid_name', values: { min: '2', max: '30' } })
    // The server's sentence is not kept, so nothing can show it.
    expect(refusal(400, { error: 'invalid_name', min: 2, max: 30, message: 'x' }).data).toEqual({
      min: 2,
      max: 30,
    })
    const title = describeApiError(
      refusal(400, { error: 'invalid_body', field: 'title', issue: 'too_big', max: 120 }),
    )
    expect(title).toEqual({ key: 'api.invalid_body.titleTooLong', values: { max: '120' } })
    const template = describeApiError(refusal(400, { error: 'unknown_template', templateId: 'x-y' }))
    expect(template).toEqual({ key: 'api.unknown_template', values: { templateId: 'x-y' } })
  })

  it('has a reason for every command the phase machine can refuse', () => {
    const roddel = method('roddelmethode')
    const tries: Array<[MeetingCommand, number, number | null]> = [
      [{ type: 'start' }, 0, null],
      [{ type: 'next' }, roddel.phases.length - 1, null],
      [{ type: 'previous' }, 0, null],
      [{ type: 'goto', phaseId: 'nope' }, 0, null],
      [{ type: 'nextRound' }, 1, null],
      [{ type: 'pause' }, 1, 5],
      [{ type: 'resume' }, 1, null],
      [{ type: 'extend', minutes: 5 }, -1, null],
    ]
    const keys = new Set<string>()
    for (const [command, phaseIndex, pausedAt] of tries) {
      expect(applyCommand(roddel, progressAt(phaseIndex, { pausedAt }), command, 10).ok).toBe(false)
      const { key } = describeApiError(new ApiError(409, 'command_refused', { command: command.type }))
      expect(key, command.type).not.toBe('api.command_refused')
      keys.add(key)
    }
    expect(keys.size).toBe(tries.length)
  })

  it('tells an unreachable server from an unknown code, and quotes the unknown code', () => {
    expect(describeApiError(new ApiError(0, 'network'))).toEqual({ key: 'api.network' })
    expect(describeApiError(new TypeError('Failed to fetch'))).toEqual({ key: 'api.network' })
    expect(describeApiError(refusal(418, { error: 'teapot' }))).toEqual({
      key: 'api.unknown',
      values: { code: 'teapot (418)' },
    })
    expect(describeApiError(refusal(502, '<html>'))).toEqual({
      key: 'api.unknown',
      values: { code: 'http_502 (502)' },
    })
  })
})
