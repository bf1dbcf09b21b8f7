/**
 * Values a real cluster or tool would print that the simulation cannot know (ages, times, ids, versions):
 * one plausible fixed value each, listed in the terminal's `help` so nobody mistakes them for simulated ones.
 */
export const FIXED = {
  /** AGE of every object. */
  age: '5m',
  /** creationTimestamp, Start Time and similar dates of objects that do not write one. */
  created: '2026-01-01T12:00:00Z',
  /** The same instant as kubectl describe prints it. */
  createdText: 'Thu, 01 Jan 2026 12:00:00 +0000',
  /** dig's `;; WHEN:` line. */
  when: 'Thu Jan 01 12:05:00 UTC 2026',
  /** HTTP Date headers. */
  httpDate: 'Thu, 01 Jan 2026 12:05:00 GMT',
  queryId: 41817,
  soaSerial: 1767268800,
  rootSerial: 2026010100,
  digVersion: '9.18.33',
  curlVersion: '8.11.1',
  /** resourceVersion, uid of objects. */
  resourceVersion: '1234',
  uid: '00000000-0000-4000-8000-000000000000',
  /** Local ports the kernel picks for outgoing connections. */
  localPort: 41234,
} as const;

/** The fixed values, in words, for `help`. */
export function fixedText(): string {
  return `Values the simulation cannot know are fixed: every AGE is ${FIXED.age}, object dates ${FIXED.created}, clock ${FIXED.httpDate}, DNS query id ${FIXED.queryId}, uids and resourceVersions constant, local ports ${FIXED.localPort}; times (ms, "0:00:00 ETA") are plausible, not measured.`;
}
