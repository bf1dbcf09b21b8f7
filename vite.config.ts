/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The playground page. `base: './'` makes every asset URL relative, so `dist/` works from any static
 * server under any path prefix, and nothing is fetched from another host (Monaco is bundled, not a CDN).
 * Monaco (with monaco-yaml) and elkjs (in the simulation worker) are loaded lazily, outside the shell.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { port: Number(process.env.PORT ?? 5173) },
  // Dependencies only workers import are found late by the dev server, which then reloads the page
  // mid-session (STACK trap 5): name them up front.
  optimizeDeps: {
    include: ['elkjs/lib/elk.bundled.js', 'monaco-yaml', 'monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js', 'yaml'],
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
