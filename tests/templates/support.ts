import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { BUILTIN_TEMPLATES_DIR } from '../../server/src/templates/loadTemplates'
import { accessFor } from '../../shared/permissions'
import type { Action, RoleId, ZoneAccess } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { parseTemplate } from '../../shared/templateSchema'

/** The 18 methods of methods.md, by ref, with the ids other code depends on. */
export const EXPECTED_IDS: Record<string, string> = {
  G1: 'intervisie-8-stappen',
  G2: 'stappenplan-60',
  G3: 'zes-fasenmodel',
  G4: 'zes-fasen-reflectieverslag',
  '2': 'vissenkom',
  '3': 'snelle-adviesrondes',
  '4': 'consultatiemethode',
  '5': 'warm-neutraal-koud',
  '6': 'roddelmethode',
  '7': 'dominante-ideeen',
  '8': 'stoelenmethode',
  '9': 'oplossingsgericht',
  '10': 'intuitieve-methode',
  '11': 'roddelmethode-met-advies',
  '12': 'modelling',
  '13': 'socratisch-gesprek',
  '14': 'balintmethode',
  '15': 'collegiale-consultatie',
}

export interface BuiltinFile {
  file: string
  raw: unknown
}

/** Every built-in template file, read straight from disk (independent of the loader). */
export function readBuiltinFiles(): BuiltinFile[] {
  return readdirSync(BUILTIN_TEMPLATES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(BUILTIN_TEMPLATES_DIR, name)
      return { file, raw: JSON.parse(readFileSync(file, 'utf8')) as unknown }
    })
}

/** The parsed built-in templates by id; throws if one does not validate (the validity test says which). */
export function builtinTemplates(): Map<string, Template> {
  const out = new Map<string, Template>()
  for (const { file, raw } of readBuiltinFiles()) {
    const result = parseTemplate(raw)
    if (!result.ok) throw new Error(`${file}: ${result.errors.join('; ')}`)
    out.set(result.template.id, result.template)
  }
  return out
}

export function byRef(ref: string): Template {
  const id = EXPECTED_IDS[ref]
  const template = id ? builtinTemplates().get(id) : undefined
  if (!template) throw new Error(`no built-in template for ref ${ref}`)
  return template
}

export function phaseOf(t: Template, phaseId: string) {
  const phase = t.phases.find((p) => p.id === phaseId)
  if (!phase) throw new Error(`${t.id}: no phase ${phaseId}`)
  return phase
}

/** The access entry a phase gives a role for a zone, if it names that role (standing access not included). */
export function entry(t: Template, phaseId: string, zoneId: string, role: RoleId): ZoneAccess | undefined {
  return phaseOf(t, phaseId).zones[zoneId]?.[role]
}

/** What a role may do in a zone during a phase, resolved by the rules the server enforces. */
export function actions(t: Template, phaseId: string, zoneId: string, role: RoleId): Action[] {
  return [...accessFor(t, phaseId, zoneId, role).can]
}

export function can(t: Template, phaseId: string, zoneId: string, role: RoleId, action: Action): boolean {
  return accessFor(t, phaseId, zoneId, role).can.has(action)
}

/** Ids of the phases in which a role may do an action in a zone, in order. */
export function phasesWhere(t: Template, zoneId: string, role: RoleId, action: Action): string[] {
  return t.phases.filter((p) => can(t, p.id, zoneId, role, action)).map((p) => p.id)
}
