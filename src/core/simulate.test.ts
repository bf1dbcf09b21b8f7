import { describe, expect, it, vi } from 'vitest';

// Make one stage fail the way a bug would.
vi.mock('./controllers/coredns/index', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  checkDNS: () => {
    throw new Error('boom');
  },
}));

const { simulate } = await import('./simulate');

describe('the pipeline', () => {
  it('turns a stage that throws into one internal-error diagnostic and still runs the other stages', () => {
    const sim = simulate([{ name: 't.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: nothing}, ports: [{port: 80}]}\n' }]);
    const codes = sim.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'internal-error')).toHaveLength(1);
    expect(sim.diagnostics.find((d) => d.code === 'internal-error')!.message).toContain('DNS stage (boom)');
    // Stages before and after the failing one still did their work.
    expect(codes).toContain('service-selects-nothing');
    expect(sim.world.endpointSlices.some((s) => s.serviceName === 'web')).toBe(true);
  });
});
