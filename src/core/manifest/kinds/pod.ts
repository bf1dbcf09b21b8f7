import type { PodPhase } from '../../model/core';
import { CODES } from '../../diagnostics/codes';
import { canonicalIP, parseIP } from '../../net/ip';
import type { KindHandler } from '../kind';
import { readPodSpec } from './pod-spec';

const PHASES: PodPhase[] = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

/**
 * v1/Pod. Status written in the manifest is honoured; without it the pod is Running and Ready, and the
 * workloads controller assigns its node and IP ([SIM] I-1).
 */
export const podKind: KindHandler = {
  kinds: ['Pod'],
  apiVersions: ['v1'],
  namespaced: true,
  nameRule: 'subdomain',
  read(r, meta, { world }) {
    const spec = readPodSpec(r, 'spec', meta.labels, meta.annotations);
    if (!spec) return;
    const phase = r.oneOf('status.phase', PHASES, 'Running');
    const ips: string[] = [];
    for (const i of r.list('status.podIPs')) {
      const ip = r.str(`status.podIPs.${i}.ip`);
      if (ip && parseIP(ip)) ips.push(canonicalIP(ip));
      else if (ip) r.report(CODES.INVALID_VALUE, `status.podIPs.${i}.ip`, `"${ip}" is not an IP address.`);
    }
    const podIP = r.str('status.podIP');
    if (podIP !== undefined) {
      if (!parseIP(podIP)) r.report(CODES.INVALID_VALUE, 'status.podIP', `"${podIP}" is not an IP address.`);
      else if (!ips.includes(canonicalIP(podIP))) ips.unshift(canonicalIP(podIP));
    }
    let ready: boolean | undefined;
    for (const i of r.list('status.conditions')) {
      if (r.str(`status.conditions.${i}.type`) === 'Ready') ready = r.str(`status.conditions.${i}.status`) === 'True';
    }
    const { nodeName, ...template } = spec;
    world.pods.push({
      ...meta,
      ...template,
      kind: 'Pod',
      nodeName: nodeName ?? '',
      ips,
      phase,
      // [SIM] I-1: no Ready condition written → ready while Running.
      ready: ready ?? phase === 'Running',
      terminating: r.has('metadata.deletionTimestamp'),
    });
  },
};
