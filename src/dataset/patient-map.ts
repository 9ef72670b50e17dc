/**
 * Record → patient mapping, so that windows of one person never end up on both sides of a split. Read
 * from a CSV such as the data folder's `labels/patients.csv` (`record_path,patient,database`) or a
 * user's `record,patient` table; looked up by record path, matching whole trailing path segments.
 */

/** A record → patient map. */
export interface PatientMap {
  /** Entries in the table. */
  readonly size: number;
  /**
   * The patient of the record at `recordPath` (a path with or without extension, `/` or `\`), matched
   * against the table's keys by the longest run of trailing path segments (`.../mitdb/reencoded/201`
   * matches `mitdb/reencoded/201`, and `201` alone when that is a key); undefined when none matches.
   */
  patientOf(recordPath: string): string | undefined;
}

const EXTENSION_RE = /\.(hea|dat|mat|atr|edf|csv)$/i;

function normalize(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(EXTENSION_RE, '')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

/**
 * Parse a patient table: the record column is `record_path`, `record` or `path`, the patient column
 * `patient`, `patient_id` or `subject` (any case); without such a header the first two columns are
 * record and patient. Throws RangeError for a table without two columns.
 */
export function parsePatientMap(text: string): PatientMap {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  if (rows.length === 0) return { size: 0, patientOf: () => undefined };
  const head = rows[0].map((c) => c.toLowerCase());
  let recordCol = head.findIndex((c) => ['record_path', 'record', 'path'].includes(c));
  let patientCol = head.findIndex((c) => ['patient', 'patient_id', 'subject'].includes(c));
  if (recordCol >= 0 && patientCol >= 0) rows.shift();
  else {
    recordCol = 0;
    patientCol = 1;
  }
  const map = new Map<string, string>();
  rows.forEach((r, i) => {
    const record = normalize(r[recordCol] ?? '');
    const patient = r[patientCol] ?? '';
    if (record === '' || patient === '') {
      throw new RangeError(`patient table row ${i + 1}: needs a record and a patient, got "${r.join(',')}"`);
    }
    map.set(record, patient);
  });
  return {
    size: map.size,
    patientOf(recordPath: string): string | undefined {
      const segments = normalize(recordPath).split('/');
      for (let i = 0; i < segments.length; i++) {
        const hit = map.get(segments.slice(i).join('/'));
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
  };
}
