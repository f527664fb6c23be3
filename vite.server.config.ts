import { defineConfig } from 'vite'

/**
 * The server's production build (`npm run build`, after the client's): server/src and the shared
 * rules in templates/src bundled into plain JavaScript in dist/server, which `node` runs without
 * tsx. Packages stay imports (Vite externalises dependencies in an SSR build) and come from
 * node_modules at runtime, so only `dependencies` are needed there (`npm ci --omit=dev`).
 * The import worker thread gets an entry of its own (importParse.js) and the small module that
 * the server starts it with (importWorker.mjs, beside the bundle as beside the sources).
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
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
