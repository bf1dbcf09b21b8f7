/**
 * `npm run --silent knet -- <command> ...`: the bundled CLI (dist-cli/knet.mjs), so that a call starts as fast
 * as an installed knet (a TypeScript runner costs about a second per call). The bundle is rebuilt first when it
 * is missing or older than its sources (cli-bundle.mjs); the build talks on stderr only, so stdout carries
 * nothing but the command's output.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCLI, bundlePath, cliStaleReason } from './cli-bundle.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const why = cliStaleReason(root);
if (why) {
  process.stderr.write(`knet: building dist-cli/knet.mjs (${why})...\n`);
  if (!buildCLI(root)) {
    process.stderr.write('knet: the build failed (see above); fix it, or run the sources with `npx tsx src/cli/main.ts`.\n');
    process.exit(1);
  }
}
// The bundle runs itself when it is the script Node was started with (isEntryPoint in src/cli/main.ts).
process.argv = [process.argv[0], bundlePath(root), ...process.argv.slice(2)];
await import(pathToFileURL(bundlePath(root)).href);
