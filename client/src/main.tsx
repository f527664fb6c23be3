import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './App'
import './styles/base.css'

// Our Content-Security-Policy forbids eval; zod would otherwise probe for it (and report a violation).
z.config({ jitless: true })

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
