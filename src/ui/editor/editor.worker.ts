// Monaco's own worker (diffs, links, word-based suggestions), bundled by Vite as a module worker.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
