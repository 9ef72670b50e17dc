/**
 * The one error type thrown by the `src/io` readers and writers. The message names the file (when known),
 * the field and the reason, e.g. `100.hea, signal 1 gain: "abc" is not a number`.
 */
export class IoError extends Error {
  /** The file being read or written, when the caller named it. */
  readonly file?: string;
  /** The field, line or element at fault (e.g. `signal 0 format`, `line 12`, `symbol`). */
  readonly field?: string;
  /** The reason alone, without the file and field prefix. */
  readonly reason: string;

  constructor(reason: string, options: { file?: string; field?: string } = {}) {
    const where = [options.file, options.field].filter((s): s is string => s !== undefined && s !== '');
    super(where.length > 0 ? `${where.join(', ')}: ${reason}` : reason);
    this.name = 'IoError';
    this.reason = reason;
    if (options.file !== undefined) this.file = options.file;
    if (options.field !== undefined) this.field = options.field;
  }
}
