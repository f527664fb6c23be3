import { Hono } from 'hono'
import type { Template } from '../../../shared/templateSchema'

/** The method library as the client sees it: the built-in templates plus the organisation's own. */
export function templateRoutes(templates: () => ReadonlyMap<string, Template>) {
  return new Hono()
    .get('/', (c) => c.json({ templates: [...templates().values()] }))
    .get('/:id', (c) => {
      const template = templates().get(c.req.param('id'))
      if (!template)
        return c.json({ error: 'unknown_template', message: `No template "${c.req.param('id')}".` }, 404)
      return c.json({ template })
    })
}
