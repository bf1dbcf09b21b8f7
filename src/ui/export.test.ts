import { describe, expect, it } from 'vitest';
import type { SimulatedReply } from '../worker/protocol';
import { graphSVG, type Look } from './export';

const look: Look = {
  palette: { bg: '#fff', node: '#fff', fg: '#000', muted: '#666', border: '#ccc', ok: 'green', bad: 'red', unknown: 'grey', warn: 'orange', group: '#eee' },
  family: 'sans-serif',
  measure: (text) => text.length * 7,
};

/** A route with one weighted backend edge, placed by hand as the worker's layout would place it. */
const reply = {
  topology: {
    nodes: [
      { id: 'HTTPRoute/web/r', kind: 'HTTPRoute', label: 'r', namespace: 'web', layer: 2, status: 'ok' },
      { id: 'Service/web/a', kind: 'Service', label: 'a', namespace: 'web', layer: 3, status: 'ok' },
    ],
    edges: [
      {
        id: 'HTTPRoute/web/r->Service/web/a',
        from: 'HTTPRoute/web/r',
        to: 'Service/web/a',
        verdict: 'allowed',
        relation: 'backend',
        share: { text: '90%', why: 'rule 1 sends 90% of its requests here (weight 9 of 10) (GW-11).' },
        reason: 'Rule 1 sends to Service a.',
        cites: [],
      },
    ],
  },
  layout: { 'HTTPRoute/web/r': { x: 0, y: 0, width: 120, height: 40 }, 'Service/web/a': { x: 200, y: 0, width: 120, height: 40 } },
  routes: {},
} as unknown as SimulatedReply;

describe('the exported graph', () => {
  it('writes a weighted edge’s share on it, with whose share it is as its title, above the nodes', () => {
    const svg = graphSVG(reply, '#v1.abc', look);
    expect(svg).toMatch(/<g class="share">.*>90%<\/text><title>rule 1 sends 90% of its requests here \(weight 9 of 10\) \(GW-11\)\.<\/title><\/g>/);
    expect(svg.indexOf('class="share"')).toBeGreaterThan(svg.lastIndexOf('data-object="Service/web/a"'));
  });
});
