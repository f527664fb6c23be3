import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, parseSync } from 'vite'

/**
 * The shared rules (`shared/`) build zod schemas at module level, for the server. A bundler
 * must assume a call may have effects, so every page would carry the schemas (and zod) even where
 * nothing parses with them. Building a schema has no effect: each top-level constant built with
 * `z.` is wrapped in a call marked pure, so a page that never uses it drops it.
 */
function pureZodSchemas(): Plugin {
  return {
    name: 'pure-zod-schemas',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]shared[\\/].*\.ts$/.test(id) || !code.includes("from 'zod'")) return null
      const inits: { start: number; end: number }[] = []
      for (const node of parseSync(id, code, { lang: 'ts' }).program.body) {
        const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node
        if (declaration?.type !== 'VariableDeclaration') continue
        for (const { init } of declaration.declarations)
          if (init && /(^|[^\w.$])z\s*\./.test(code.slice(init.start, init.end))) inits.push(init)
      }
      let out = code
      for (const { start, end } of inits.reverse())
        out = `${out.slice(0, start)}/* @__PURE__ */ (() => (${out.slice(start, end)}))()${out.slice(end)}`
      return { code: out, map: null }
    },
  }
}

// The client is built into dist/client and served by the Hono server; in development Vite proxies
// the API and the WebSocket rooms to the server on :8787.
export default defineConfig({
  root: 'client',
  plugins: [react(), pureZodSchemas()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      '/yjs': { target: 'ws://localhost:8787', ws: true },
    },
  },
})
