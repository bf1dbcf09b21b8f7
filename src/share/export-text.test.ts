import { describe, expect, it } from 'vitest';
import type { MatrixDocument, TraceDocument } from '../core/index';
import { matrixToCSV, matrixToMarkdown, traceToText } from './export-text';

const M: MatrixDocument = { pods: ['shop/web', 'data/db'], ports: [{ port: 5432, protocol: 'TCP' }], matrix: { '5432/TCP': ['11', '01'] } };

describe('text exports', () => {
  it('writes the matrix as CSV rows of source, port and one verdict per destination', () => {
    expect(matrixToCSV(M)).toBe('from,port,shop/web,data/db\r\nshop/web,5432/TCP,allowed,allowed\r\ndata/db,5432/TCP,denied,allowed\r\n');
  });
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    const csv = matrixToCSV({ ...M, pods: ['=cmd|x', 'a,b'] });
    expect(csv.split('\r\n')[0]).toBe(`from,port,'=cmd|x,"a,b"`);
  });
  it('writes the matrix as a Markdown table per port', () => {
    expect(matrixToMarkdown(M)).toBe(
      ['### 5432/TCP', '', '| from \\ to | shop/web | data/db |', '|---|:-:|:-:|', '| shop/web | ✓ | ✓ |', '| data/db | ✗ | ✓ |', ''].join(
        '\n',
      ),
    );
  });
  it('writes a trace hop by hop with its verdict and assumptions', () => {
    const t: TraceDocument = {
      verdict: 'blocked',
      summary: 'The request is dropped by data/db-from-api.',
      hops: [
        { step: 'dns', object: 'Service/data/db', result: 'ok', reason: 'db.data → 10.96.0.20', cites: [] },
        {
          step: 'policy-ingress',
          object: 'NetworkPolicy/data/db-from-api',
          result: 'blocked',
          reason: 'no rule admits shop/web',
          cites: [],
        },
      ],
      assumptions: ['resolver glibc (I-10)'],
    };
    const text = traceToText(t);
    expect(text.split('\n')).toEqual([
      'BLOCKED: The request is dropped by data/db-from-api.',
      '',
      ' 1. dns            ok      Service/data/db',
      '    db.data → 10.96.0.20',
      ' 2. policy-ingress blocked NetworkPolicy/data/db-from-api',
      '    no rule admits shop/web',
      '',
      'assumed:',
      '  - resolver glibc (I-10)',
      '',
    ]);
  });
});
