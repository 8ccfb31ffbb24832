/** An action that cannot be done: the rule rolls back to its savepoint and logs this reason. */
export class RuleFailure extends Error {}
