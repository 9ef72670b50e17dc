/**
 * A refusal of the experiment: a bad config field, or data that cannot make an honest experiment (a test
 * split without ≥ 2 patients of a class, a patient on both sides ...). `field` names what is wrong (a
 * config path such as `budgets[2]`, or `test split (af-vs-nsr)`); the message says why.
 */
export class ExperimentError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ExperimentError';
  }
}
