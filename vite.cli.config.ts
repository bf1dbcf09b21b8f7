import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Make the built file runnable as `./dist-cli/knet.mjs` too (npm sets the mode itself when it installs `bin`). */
const executable: Plugin = {
  name: 'knet-executable',
  writeBundle(options) {
    chmodSync(resolve(options.dir ?? 'dist-cli', 'knet.mjs'), 0o755);
  },
};

/**
 * `npm run build:cli`: bundle the knet CLI (src/cli/main.ts) into one Node ESM file, dist-cli/knet.mjs, with
 * every dependency inlined (so the package's `bin` runs without node_modules) and only Node built-ins left as
 * imports. main.ts runs itself when it is the script Node was started with (see `isEntryPoint` there).
 */
export default defineConfig({
  publicDir: false,
  plugins: [executable],
  logLevel: 'warn',
  ssr: {
    target: 'node',
    noExternal: true,
  },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'knet.mjs',
        banner: '#!/usr/bin/env node',
        codeSplitting: false,
      },
    },
  },
});
