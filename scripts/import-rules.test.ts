import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The import rules (docs/ARCHITECTURE.md, "Who may import whom") live in eslint.config.js as `no-restricted-imports` patterns. These cases lint
// snippets as if they sat at a path in the tree (type-aware rules off, so files need not exist) and check that
// exactly the forbidden arrows are refused.
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: [tseslint.configs.disableTypeChecked, { rules: { '@typescript-eslint/no-unused-vars': 'off' } }],
});

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
  return messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.ruleId!);
}

const cases: [string, string, boolean][] = [
  ['src/core/net/ip.ts', "import { App } from '../../ui/App';", false],
  ['src/core/simulate.ts', "import { encode } from '../share/codec';", false],
  ['src/core/net/ip.ts', "import { useState } from 'react';", false],
  ['src/core/topology/index.ts', "import ELK from 'elkjs';", false],
  ['src/core/net/ip.ts', "import { readFileSync } from 'node:fs';", false],
  ['src/core/net/ip.test.ts', "import { readFileSync } from 'node:fs';", true],
  ['src/core/net/ip.ts', "import { parse } from 'yaml';", true],
  ['src/core/controllers/netpol/evaluate.ts', "import { resolve } from '../coredns/resolver';", false],
  ['src/core/controllers/netpol/sub/evaluate.ts', "import { proxy } from '../../kube-proxy/proxy';", false],
  ['src/core/controllers/netpol/sub/evaluate.ts', "import { x } from '../evaluate';", true],
  ['src/core/controllers/netpol/evaluate.ts', "import type { World } from '../../model/world';", true],
  ['src/core/trace/trace.ts', "import { resolve } from '../controllers/coredns/resolver';", true],
  ['src/core/controllers/netpol/check.ts', "import type { Simulation } from '../../simulate';", false],
  ['src/core/controllers/gateway/router.ts', "import type { EntryResult } from '../../route';", false],
  ['src/core/controllers/gateway/router.ts', "import type { EntryResult } from '../../model/route';", true],
  ['src/core/controllers/netpol/check.ts', "import { parsePeer } from '../../queries/peer';", false],
  ['src/core/controllers/netpol/check.ts', "import type { Peer } from '../../model/peer';", true],
  ['src/core/controllers/ingress/router.ts', "import { trace } from '../../trace/index';", false],
  ['src/core/controllers/netpol/netpol.test.ts', "import { simulate } from '../../simulate';", true],
  ['src/core/queries/check.ts', "import { check } from '../controllers/netpol/index';", true],
  ['src/cli/commands/dns.ts', "import { parseCIDR } from '../../core/net/ip';", false],
  ['src/cli/commands/dns.ts', "import { simulate } from '../../core/index';", true],
  ['src/cli/main.ts', "import { App } from '../ui/App';", false],
  ['src/worker/handler.ts', "import type { World } from '../core/model/world';", false],
  ['src/worker/handler.ts', "import { simulate } from '../core/index';", true],
  ['src/worker/handler.ts', "import { DEFAULT_SCENARIO } from '../ui/default-scenario';", false],
  ['src/worker/handler.test.ts', "import { DEFAULT_SCENARIO } from '../ui/default-scenario';", true],
  ['src/worker/handler.test.ts', "import { parseCIDR } from '../core/net/ip';", false],
  ['src/ui/App.tsx', "import type { World } from '../core/model/world';", true],
  ['src/ui/App.tsx', "import { rangeIn } from '../core/manifest/reader';", false],
  ['src/ui/App.tsx', "import { simulate } from '../core/index';", true],
  ['src/ui/App.tsx', "import { handle } from '../worker/handler';", false],
];

describe('import rules (docs/ARCHITECTURE.md "Who may import whom")', () => {
  it.each(cases)('%s: `%s` is allowed: %s', async (path, code, allowed) => {
    const found = await restricted(path, `${code}\n`);
    expect(found.length === 0).toBe(allowed);
  });
});
