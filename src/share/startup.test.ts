import { describe, expect, it } from 'vitest';
import { encodeState } from './codec';
import { decideStartup } from './startup';

const normal = { persistLocal: true, view: {} };
const embedded = { persistLocal: false, view: {} };
const A = { text: 'kind: A\n' };
const B = { text: 'kind: B\n' };

describe('what the page opens with', () => {
  it.each([
    ['no link and no draft: an empty editor', '', null, normal, { action: 'open', from: 'empty' }],
    ['no link: the local draft', '', A, normal, { action: 'open', from: 'local', state: A }],
    ['a link and no draft: the link', encodeState(B), null, normal, { action: 'open', from: 'link', state: B }],
    ['a link equal to the draft: the link, no question', encodeState(A), A, normal, { action: 'open', from: 'link', state: A }],
    ['a link that differs from the draft: ask', encodeState(B), A, normal, { action: 'ask', link: B, local: A }],
    [
      'a broken link: the draft, with a banner',
      '#v1.%%%',
      A,
      normal,
      { action: 'open', from: 'local', state: A, banner: { code: 'corrupt' } },
    ],
    [
      'a link from a newer version: empty, with a banner',
      '#v7.abc',
      null,
      normal,
      { action: 'open', from: 'empty', banner: { code: 'unknown-version' } },
    ],
    ['an embedded page ignores the draft', encodeState(B), A, embedded, { action: 'open', from: 'link', state: B }],
    ['an embedded page without a link opens empty, not the draft', '', A, embedded, { action: 'open', from: 'empty' }],
  ])('%s', (_name, hash, draft, config, expected) => {
    expect(decideStartup(hash, draft, config)).toMatchObject(expected);
  });

  it('query-flag views win over the view in the link', () => {
    const r = decideStartup(encodeState({ text: 'x', view: { panel: 'dns', selected: 'Pod/a/b' } }), null, {
      persistLocal: true,
      view: { panel: 'trace' },
    });
    expect(r.action === 'open' && r.state.view).toEqual({ panel: 'trace', selected: 'Pod/a/b' });
  });
});
