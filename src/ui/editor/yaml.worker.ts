// monaco-yaml's language server (schema validation, completion, hover), as a module worker (STACK trap 3).
import 'monaco-yaml/yaml.worker.js';
