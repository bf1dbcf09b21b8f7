/**
 * Local Monaco (no CDN): the editor core and its features, YAML highlighting and monaco-yaml with our
 * schemas. Loaded lazily, so the page shell does not wait for it.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import { kubernetesSchema } from './schemas/index';
import { filterSchemaMarkers } from './one-message';
import { plainYamlCompletions } from './plain-completions';
import { keyStartHovers } from './key-hover';

type Env = { getWorker(moduleId: string, label: string): Worker };

function getWorker(_moduleId: string, label: string): Worker {
  if (label === 'yaml') return new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module', name: 'yaml' });
  return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'editor' });
}

(globalThis as unknown as { MonacoEnvironment: Env }).MonacoEnvironment = { getWorker };

/**
 * Monaco ≥ 0.53 wants `createWebWorker({ worker })`; monaco-yaml's worker manager passes `moduleId`,
 * `label` and `createData` only, and then shows no markers (monaco-yaml issue #272). Make the
 * worker ourselves and hand it the two messages its bootstrap expects: a first one to start, then the data.
 */
const original = monaco.editor.createWebWorker.bind(monaco.editor) as (opts: unknown) => unknown;
(monaco.editor as unknown as { createWebWorker: (opts: unknown) => unknown }).createWebWorker = (opts: unknown) => {
  const o = opts as { worker?: Worker; moduleId?: string; label?: string; createData?: unknown };
  if (o.worker) return original(o);
  const worker = getWorker(o.moduleId ?? '', o.label ?? o.moduleId ?? '');
  worker.postMessage('ignore');
  worker.postMessage(o.createData);
  return original({ ...o, worker });
};

// One message per problem: the schema's markers are filtered against the simulator's as they are set.
filterSchemaMarkers(monaco.editor as unknown as Parameters<typeof filterSchemaMarkers>[0]);

// Plain values complete as plain text, so that Enter after a word typed whole ends the line (plain-completions.ts).
plainYamlCompletions(monaco.languages);

// A hover on the first character of a top-level key explains that key, not the mapping above it (key-hover.ts).
keyStartHovers(monaco.languages);

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  schemas: [{ uri: 'inmemory://knet/kubernetes.json', fileMatch: ['*'], schema: kubernetesSchema }],
});

loader.config({ monaco });

export { monaco };
