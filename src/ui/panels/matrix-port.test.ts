import { describe, expect, it } from 'vitest';
import { matrixPortKey, portLabel } from './matrix-port';

describe('the matrix port', () => {
  it.each([
    ['nothing typed: the first suggestion', null, ['8080/TCP', '80/TCP'], '8080/TCP'],
    ['the field emptied: the first suggestion', '', ['8080/TCP'], '8080/TCP'],
    ['nothing typed and nothing suggested: 80', null, [], '80/TCP'],
    ['a number typed wins, as TCP', '5432', ['8080/TCP'], '5432/TCP'],
    ['a protocol in any case', '53/udp', ['8080/TCP'], '53/UDP'],
    ['spaces around it', ' 9090 ', undefined, '9090/TCP'],
    ['not a port', 'http', ['8080/TCP'], null],
    ['out of range', '70000', [], null],
    ['zero', '0', [], null],
  ])('%s', (_what, typed, suggested, want) => {
    expect(matrixPortKey(typed, suggested)).toBe(want);
  });

  it.each([
    ['8080/TCP', '8080'],
    ['53/UDP', '53/UDP'],
  ])('shows %s as %s', (key, label) => {
    expect(portLabel(key)).toBe(label);
  });
});
