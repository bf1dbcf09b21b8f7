import type { ObjectMeta, Protocol } from './meta';

/**
 * `playground.knet.dev/v1` Exercise: a lab's goals written as connectivity assertions beside the scenario
 * (docs/embedding.md "Exercises"). Not a Kubernetes kind: the playground reads it, a cluster never sees it.
 * Each goal keeps `path` (`spec.goals.2`) so a verdict can point at its line.
 */
export interface Exercise extends ObjectMeta {
  kind: 'Exercise';
  title: string;
  description?: string;
  goals: ExerciseGoal[];
}

/** A peer as knet names it (`ns/pod`, `ip:A.B.C.D`, `node:name`); `ns/name` may also name a workload: every pod of it. */
export type ExercisePeer = string;

export type ExerciseGoal = ConnectGoal | DNSGoal | RouteGoal | RequestGoal | CommandGoal | ChangesGoal;

interface GoalBase {
  /** Field path of the goal inside the Exercise (`spec.goals.0`). */
  path: string;
  /** The trainer's own words for the goal, if given. */
  title?: string;
}

/** `{from, to, port, protocol?, expect: allowed|denied}`: one connection under the policies in force. */
export interface ConnectGoal extends GoalBase {
  type: 'connect';
  from: ExercisePeer;
  to: ExercisePeer;
  port: number;
  protocol: Protocol;
  expect: 'allowed' | 'denied';
}

/** `{dns: {from?, name, type?, expect: resolves|nxdomain|fails, address?}}`: a lookup from a pod's resolver. */
export interface DNSGoal extends GoalBase {
  type: 'dns';
  from?: ExercisePeer;
  name: string;
  qtype: 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';
  expect: 'resolves' | 'nxdomain' | 'fails';
  /** When set, the answers must include this value (an address, or a name for CNAME/SRV). */
  answer?: string;
}

/** `{route: {url, method?, headers?, expect: {status?, backend?}}}`: an HTTP request from outside the cluster. */
export interface RouteGoal extends GoalBase {
  type: 'route';
  url: string;
  method: string;
  headers: Record<string, string>;
  expect: { status?: number; backend?: string };
}

/** `{request: {from, url, method?, headers?, expect: delivered|blocked|failed}}`: one request traced end to end. */
export interface RequestGoal extends GoalBase {
  type: 'request';
  from: ExercisePeer;
  url: string;
  method: string;
  headers: Record<string, string>;
  expect: 'delivered' | 'blocked' | 'failed';
}

/**
 * `{command: {run, from?, expect: {exitCode?, prints?}}}`: one line typed into the terminal (as `knet run`),
 * in a pod or the debug pod; passes when it exits with `exitCode` and its output contains `prints`.
 */
export interface CommandGoal extends GoalBase {
  type: 'command';
  run: string;
  /** The pod the command runs in (`ns/name`); left out: the debug pod default/debug. */
  from?: ExercisePeer;
  expect: { exitCode?: number; prints?: string };
}

/**
 * `{changes: {opensOnly: [{from, to, port, protocol?}]}}`: compared with the lab's starting version (as
 * `knet diff` compares), the learner's change opens exactly these connections (workloads as `ns/name`) and
 * no other: a goal for least privilege. Connections it closes do not count.
 */
export interface ChangesGoal extends GoalBase {
  type: 'changes';
  opensOnly: { from: string; to: string; port: number; protocol: Protocol }[];
}
