import { defineConfig } from 'vite'

/**
 * The server's production build (`npm run build`, after the client's): server/src and the shared
 * rules in shared bundled into plain JavaScript in dist/server, which `node` runs without
 * tsx. The import worker thread gets an entry of its own (importParse.js) and the small module the
 * server starts it with (importWorker.mjs, beside the bundle as beside the sources).
 *
 * Packages stay imports (an SSR build externalises them) and come from node_modules at runtime:
 * package.json's `dependencies`, all that `npm ci --omit=dev` installs. Except BUNDLED: those are
 * bundled in, so only the parts the server uses are loaded (zod's whole package and tldraw's
 * schema with its helpers cost some 15 MB of memory at start when imported as they ship); they
 * are build inputs, in `devDependencies`. tests/build/compiledServer.test.ts checks both lists.
 */
export const BUNDLED = ['zod', /^@tldraw\//, /^lodash\./]

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: BUNDLED },
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'server/src/index.ts', importParse: 'server/src/imports/importParse.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  plugins: [
    {
      name: 'import-worker',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'importWorker.mjs',
          source:
            "// The import's worker thread (built): the parser, compiled.\nawait import('./importParse.js')\n",
        })
      },
    },
  ],
})
