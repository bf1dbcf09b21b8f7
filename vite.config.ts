/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { docPages } from './scripts/docs-pages';

/**
 * The playground page. `base: './'` makes every asset URL relative, so `dist/` works from any static
 * server under any path prefix, and nothing is fetched from another host (Monaco is bundled, not a CDN).
 * Monaco (with monaco-yaml) is loaded lazily, outside the shell.
 */
/**
 * Content-Security-Policy of the built page (a meta tag: it travels with dist/ to any static host). No
 * remote or inline scripts; workers from the site itself; styles inline too (Monaco and React Flow inject
 * <style> elements); images also from data:/blob: (exports, Monaco). Not in the dev server, whose hot
 * reload needs an inline preamble and a websocket.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const csp: Plugin = {
  name: 'knet-csp',
  apply: 'build',
  // Right after <meta charset> (which must stay first), before any script tag.
  transformIndexHtml: (html) => html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
};

export default defineConfig({
  base: './',
  // docs/rules.md and the other user docs become static pages next to index.html (rules.html, ...).
  plugins: [react(), csp, docPages(fileURLToPath(new URL('.', import.meta.url)))],
  worker: { format: 'es' },
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { port: Number(process.env.PORT ?? 5173) },
  // Dependencies only workers import are found late by the dev server, which then reloads the page
  // mid-session: name them up front.
  optimizeDeps: {
    include: ['monaco-yaml', 'monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js', 'yaml'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'flow', test: /node_modules[\\/](@xyflow|d3-|classcat)/ },
          ],
        },
      },
    },
  },
});
