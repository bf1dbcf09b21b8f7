// Monaco's ESM entry points used here ship without their own declarations.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
declare module 'monaco-editor/esm/vs/editor/editor.worker.js';
declare module 'monaco-yaml/yaml.worker.js';
