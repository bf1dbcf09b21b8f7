// monaco-yaml's language server (schema validation, completion, hover), as a module worker.
import 'monaco-yaml/yaml.worker.js';
