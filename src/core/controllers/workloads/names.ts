import type { PodTemplate } from '../../model/core';
import { fnv32aCanonicalJSON, safeEncodeString, safeSuffix } from '../../net/hash';

/**
 * The Deployment's `pod-template-hash`. Upstream (controller.ComputeHash) hashes the template with
 * FNV-32a over a spew dump and writes `rand.SafeEncodeString(fmt.Sprint(hash))`. [SIM] We hash a
 * canonical JSON of the normalised template (keys sorted, so the same template always gives the same
 * hash), then encode the decimal number the same way — e.g. `5d9f8c7b64`-style values of 8–10 chars.
 */
export function podTemplateHash(template: PodTemplate): string {
  return safeEncodeString(String(fnv32aCanonicalJSON(template)));
}

/** [SIM] The 5-character suffix the API server's `generateName` would pick: a hash of the owner and index. */
export function podSuffix(owner: string, seed: string | number): string {
  return safeSuffix(`${owner}/${seed}`);
}

/** The name of the ReplicaSet a Deployment makes for its current template. */
export function replicaSetName(deployment: string, template: PodTemplate): string {
  return `${deployment}-${podTemplateHash(template)}`;
}
