/**
 * The standard MIT annotation codes (WFDB `ecgcodes.h`) and their mnemonic symbols, as the WFDB
 * library's default code-to-string table has them. Codes 15, 17 and 42-49 (user-defined) have no
 * mnemonic; WFDB prints them as `[15]`, `[17]`, `[42]` ..., and so do we. Code 0 (NOTQRS) is `' '`.
 */
export const ANNOTATION_SYMBOL_BY_CODE: ReadonlyMap<number, string> = new Map([
  [0, ' '], // NOTQRS
  [1, 'N'], // NORMAL: normal beat
  [2, 'L'], // LBBB: left bundle branch block beat
  [3, 'R'], // RBBB: right bundle branch block beat
  [4, 'a'], // ABERR: aberrated atrial premature beat
  [5, 'V'], // PVC: premature ventricular contraction
  [6, 'F'], // FUSION: fusion of ventricular and normal beat
  [7, 'J'], // NPC: nodal (junctional) premature beat
  [8, 'A'], // APC: atrial premature contraction
  [9, 'S'], // SVPB: premature or ectopic supraventricular beat
  [10, 'E'], // VESC: ventricular escape beat
  [11, 'j'], // NESC: nodal (junctional) escape beat
  [12, '/'], // PACE: paced beat
  [13, 'Q'], // UNKNOWN: unclassifiable beat
  [14, '~'], // NOISE: signal quality change
  [16, '|'], // ARFCT: isolated QRS-like artifact
  [18, 's'], // STCH: ST change
  [19, 'T'], // TCH: T-wave change
  [20, '*'], // SYSTOLE
  [21, 'D'], // DIASTOLE
  [22, '"'], // NOTE: comment annotation
  [23, '='], // MEASURE: measurement annotation
  [24, 'p'], // PWAVE: P-wave peak
  [25, 'B'], // BBB: left or right bundle branch block beat
  [26, '^'], // PACESP: non-conducted pacer spike
  [27, 't'], // TWAVE: T-wave peak
  [28, '+'], // RHYTHM: rhythm change (aux holds the rhythm, e.g. `(AFIB`)
  [29, 'u'], // UWAVE: U-wave peak
  [30, '?'], // LEARN: beat not classified during learning
  [31, '!'], // FLWAV: ventricular flutter wave
  [32, '['], // VFON: start of ventricular flutter/fibrillation
  [33, ']'], // VFOFF: end of ventricular flutter/fibrillation
  [34, 'e'], // AESC: atrial escape beat
  [35, 'n'], // SVESC: supraventricular escape beat
  [36, '@'], // LINK: link to external data (aux holds a URL)
  [37, 'x'], // NAPC: non-conducted P-wave (blocked APC)
  [38, 'f'], // PFUS: fusion of paced and normal beat
  [39, '('], // WFON: waveform onset
  [40, ')'], // WFOFF: waveform end
  [41, 'r'], // RONT: R-on-T premature ventricular contraction
]);

/** Largest code an annotation word can carry before the pseudo-annotation codes (SKIP is 59). */
const MAX_PLAIN_CODE = 58;
/** Largest valid annotation code (ACMAX); 42..49 are user-defined. */
const MAX_USER_CODE = 49;

const CODE_BY_SYMBOL: ReadonlyMap<string, number> = new Map(
  [...ANNOTATION_SYMBOL_BY_CODE].map(([code, symbol]) => [symbol, code]),
);

// The beat (QRS) mnemonics, one character each.
const BEAT_SYMBOLS: ReadonlySet<string> = new Set([...'NLRBAaJSVrFejnE/fQ?']);

/** The symbol for an MIT annotation code: the standard mnemonic, or `[code]` when it has none. */
export function annotationSymbol(code: number): string {
  return ANNOTATION_SYMBOL_BY_CODE.get(code) ?? `[${code}]`;
}

/** The MIT annotation code for a symbol (a standard mnemonic or `[n]`, 1 <= n <= 58), or undefined. */
export function annotationCode(symbol: string): number | undefined {
  const code = CODE_BY_SYMBOL.get(symbol);
  if (code !== undefined) return code;
  const m = /^\[(\d{1,2})\]$/.exec(symbol);
  if (m === null) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_PLAIN_CODE && !ANNOTATION_SYMBOL_BY_CODE.has(n) ? n : undefined;
}

/**
 * Whether `symbol` is a beat (QRS) annotation: N L R B A a J S V r F e j n E / f Q ? (the codes the
 * WFDB `isqrs` table marks as beats).
 */
export function isBeatSymbol(symbol: string): boolean {
  return BEAT_SYMBOLS.has(symbol);
}

/**
 * Reads a WFDB "modification label": the aux text of a NOTE annotation at sample 0, at the start of an
 * annotation file, that redefines a code's mnemonic as `code mnemonic [description]` (e.g.
 * `15 c calibration pulse`). Returns undefined for other text (such as `## annotation type definitions`).
 */
export function parseAnnotationDefinition(aux: string): { code: number; symbol: string } | undefined {
  const m = /^(\d+)[ \t]+(\S+)/.exec(aux);
  if (m === null) return undefined;
  const code = Number(m[1]);
  return code <= MAX_USER_CODE ? { code, symbol: m[2] } : undefined;
}
