/** A usage error: printed as one line naming the flag, exit code 2. */
export class CliError extends Error {
  constructor(
    readonly flag: string,
    reason: string,
  ) {
    super(`${flag}: ${reason}`);
    this.name = 'CliError';
  }
}
