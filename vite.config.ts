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

/**
 * Build-only: write `precache-manifest.json` (every file of the build and a version hash of their names),
 * which the service worker (public/sw.js) caches on install so the studio works offline.
 */
function precacheManifest(): Plugin {
  return {
    name: 'pqrst-precache-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({
        type: 'asset',
        fileName: 'precache-manifest.json',
        source: JSON.stringify({ version, files }),
      });
    },
  };
}

// The studio is a static site: `vite build` writes dist/, which any static file host can serve.
export default defineConfig({
  plugins: [react(), cspInlineScriptHashes(), precacheManifest()],
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
      'plotly.js-cartesian-dist-min',
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
