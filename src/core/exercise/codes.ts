/** Diagnostic codes of `kind: Exercise` (playground.knet.dev/v1). Stable: tests assert codes, not wording. */
export const EXERCISE_CODES = {
  /** A goal that is not one of the three documented shapes. */
  GOAL_SHAPE: 'exercise-goal-shape',
  /** A goal names a peer (pod, workload, node) that the scenario does not have. */
  UNKNOWN_PEER: 'exercise-unknown-peer',
  /** More than one Exercise in a scenario: only the first one's goals are checked. */
  DUPLICATE: 'exercise-duplicate',
} as const;
