import { describe, expect, it } from 'vitest';
import { prepareQuery } from './index';

/** The trace query's refusals of a URL (knet exit 2; the page's Trace form shows the same words). */
describe('the trace query refuses a URL it cannot send', () => {
  it.each([
    // A connection string copied from a manifest: the refusal says how to test the connection instead.
    ['postgres://db.shop:5432/shop', /not "postgres:\/\/db\.shop:5432\/shop" \(to test whether a connection reaches db\.shop:5432, trace http:\/\/db\.shop:5432\)$/],
    ['redis://cache:6379', /trace http:\/\/cache:6379\)$/],
    // Not a URL at all: no hint to give.
    ['db.shop:5432', /--url must be an http:\/\/ or https:\/\/ URL, not "db\.shop:5432"$/],
  ])('%s', (url, why) => {
    const p = prepareQuery('trace', { from: 'shop/web', url });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toMatch(why);
  });
});
