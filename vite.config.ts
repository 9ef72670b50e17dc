/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * index.html carries a strict Content-Security-Policy (`script-src 'self'`). The production build has
 * no inline scripts, but in dev the React plugin injects an inline preamble (Fast Refresh): this
 * dev-only plugin adds the SHA-256 of every inline script to the policy instead of 'unsafe-inline'.
 */
function cspInlineScriptHashes(): Plugin {
  return {
    name: 'pqrst-csp-inline-script-hashes',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
          .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim() !== '')
          .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
        if (hashes.length === 0) return html;
        return html.replace(/script-src 'self'/, `script-src 'self' ${hashes.join(' ')}`);
      },
    },
  };
}

// The studio is a static site: `vite build` writes dist/, which any static file host can serve.
export default defineConfig({
  plugins: [react(), cspInlineScriptHashes()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  // Pre-bundle the heavy dependencies up front, so the dev server never reloads the page mid-test.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'zustand',
      'zustand/vanilla',
      'plotly.js-dist-min',
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
