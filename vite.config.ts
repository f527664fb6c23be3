import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The client is built into dist/client and served by the Hono server; in development Vite proxies
// the API and the WebSocket rooms to the server on :8787.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    proxy: {
      '/api': 'http://localhost:8787',
      '/yjs': { target: 'ws://localhost:8787', ws: true },
    },
  },
})
