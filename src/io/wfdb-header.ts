import { IoError } from './io-error.ts';
import type { WfdbHeader, WfdbSignalSpec } from './wfdb-header-types.ts';

export type { WfdbHeader, WfdbSignalSpec } from './wfdb-header-types.ts';

const DEFAULT_FS_HZ = 250;
const DEFAULT_GAIN_ADC_PER_UNIT = 200;
const DEFAULT_UNITS = 'mV';
/** Fields before the free-text description on a signal line. */
const SIGNAL_FIXED_FIELDS = 8;

const INTEGER_RE = /^[+-]?\d+$/;
const REAL_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FORMAT_RE = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/;
const GAIN_RE = /^([^(/]*)(?:\(([^)]*)\))?(?:\/(.*))?$/;
const FREQ_RE = /^([^/(]+)(?:\/([^(]+))?(?:\(([^)]*)\))?$/;

interface Where {
  file: string | undefined;
  field: string;
}

function fail(reason: string, where: Where): never {
  throw new IoError(reason, { file: where.file, field: where.field });
}

function parseInteger(text: string, where: Where): number {
  if (!INTEGER_RE.test(text)) fail(`"${text}" is not an integer`, where);
  return Number(text);
}

function parseReal(text: string, where: Where): number {
  if (!REAL_RE.test(text)) fail(`"${text}" is not a number`, where);
  return Number(text);
}

/** Default ADC resolution when the field is missing or 0 (as the WFDB library's header reader does). */
function defaultAdcResolutionBits(format: number): number {
  switch (format) {
    case 80:
      return 8;
    case 160:
      return 16;
    case 310:
    case 311:
      return 10;
    default:
      return 12;
  }
}

/** Splits off the first `n` whitespace-separated fields; the rest of the line, trimmed, is `rest`. */
function splitFields(line: string, n: number): { fields: string[]; rest: string } {
  const fields: string[] = [];
  const re = /\S+/g;
  let end = 0;
  let m: RegExpExecArray | null;
  while (fields.length < n && (m = re.exec(line)) !== null) {
    fields.push(m[0]);
    end = m.index + m[0].length;
  }
  return { fields, rest: line.slice(end).trim() };
}

function parseRecordLine(line: string, file: string | undefined): Omit<WfdbHeader, 'signals' | 'comments'> {
  const tokens = line.trim().split(/\s+/);
  const [nameField, nsigField, freqField, nsampField, ...timeFields] = tokens;
  if (nameField.includes('/')) {
    fail('multi-segment records are not supported', { file, field: 'record name' });
  }
  if (nsigField === undefined) {
    fail('the record line lacks the number of signals', { file, field: 'record line' });
  }
  const nSignals = parseInteger(nsigField, { file, field: 'number of signals' });
  if (nSignals < 0) fail(`number of signals ${nSignals} is negative`, { file, field: 'number of signals' });
  const rec: Omit<WfdbHeader, 'signals' | 'comments'> = {
    recordName: nameField,
    nSignals,
    fsHz: DEFAULT_FS_HZ,
    nSamples: 0,
  };
  if (freqField !== undefined) {
    const where = { file, field: 'sampling frequency' };
    const m = FREQ_RE.exec(freqField);
    if (m === null) fail(`"${freqField}" is not a frequency specification`, where);
    rec.fsHz = parseReal(m[1], where);
    if (!(rec.fsHz > 0)) fail(`sampling frequency ${rec.fsHz} is not positive`, where);
    if (m[2] !== undefined) rec.counterFreqHz = parseReal(m[2], { file, field: 'counter frequency' });
    if (m[3] !== undefined) rec.baseCounter = parseReal(m[3], { file, field: 'base counter value' });
  }
  if (nsampField !== undefined) {
    rec.nSamples = parseInteger(nsampField, { file, field: 'number of samples' });
    if (rec.nSamples < 0) {
      fail(`number of samples ${rec.nSamples} is negative`, { file, field: 'number of samples' });
    }
  }
  if (timeFields.length > 2) {
    const extra = timeFields.slice(2).join(' ');
    fail(`unexpected fields after the base date: "${extra}"`, { file, field: 'record line' });
  }
  // The spec orders base time then base date; some writers (CinC 2017/2020) put an ISO or
  // `DD-Mon-YYYY` date first, so each token is classified by its shape instead of its position.
  for (const token of timeFields) {
    const isDate = /[/A-Za-z-]/.test(token);
    const key = isDate ? 'baseDate' : 'baseTime';
    if (rec[key] !== undefined) {
      fail(`two ${isDate ? 'dates' : 'times'} on the record line`, { file, field: key });
    }
    rec[key] = token;
  }
  return rec;
}

function parseSignalLine(line: string, index: number, file: string | undefined): WfdbSignalSpec {
  const { fields, rest } = splitFields(line, SIGNAL_FIXED_FIELDS);
  const [fileName, formatField, gainField, resField, zeroField, initField, sumField, blockField] = fields;
  const at = (name: string): Where => ({ file, field: `signal ${index} ${name}` });
  if (formatField === undefined) fail('the signal line lacks the format field', at('format'));
  const fm = FORMAT_RE.exec(formatField);
  if (fm === null) fail(`"${formatField}" is not a format specification`, at('format'));
  const format = Number(fm[1]);
  const spec: WfdbSignalSpec = {
    fileName,
    format,
    samplesPerFrame: fm[2] === undefined ? 1 : Number(fm[2]),
    skew: fm[3] === undefined ? 0 : Number(fm[3]),
    byteOffset: fm[4] === undefined ? 0 : Number(fm[4]),
    gainAdcPerUnit: DEFAULT_GAIN_ADC_PER_UNIT,
    baselineAdc: 0,
    units: DEFAULT_UNITS,
    adcResolutionBits: defaultAdcResolutionBits(format),
    adcZero: 0,
    initialValue: 0,
    blockSizeBytes: 0,
    description: '',
  };
  if (spec.samplesPerFrame < 1) fail('samples per frame must be at least 1', at('format'));
  let baseline: number | undefined;
  if (gainField !== undefined) {
    const gm = GAIN_RE.exec(gainField);
    if (gm === null || gm[1] === '') fail(`"${gainField}" is not a gain specification`, at('gain'));
    const gain = parseReal(gm[1], at('gain'));
    if (gain !== 0) spec.gainAdcPerUnit = gain; // 0 marks an uncalibrated signal: WFDB assumes 200
    if (gm[2] !== undefined) baseline = parseInteger(gm[2], at('baseline'));
    if (gm[3] !== undefined && gm[3] !== '') spec.units = gm[3];
  }
  if (resField !== undefined) {
    const bits = parseInteger(resField, at('ADC resolution'));
    if (bits < 0) fail(`ADC resolution ${bits} is negative`, at('ADC resolution'));
    if (bits !== 0) spec.adcResolutionBits = bits;
  }
  if (zeroField !== undefined) spec.adcZero = parseInteger(zeroField, at('ADC zero'));
  spec.baselineAdc = baseline ?? spec.adcZero;
  spec.initialValue = initField === undefined ? spec.adcZero : parseInteger(initField, at('initial value'));
  if (sumField !== undefined) spec.checksum = parseInteger(sumField, at('checksum'));
  if (blockField !== undefined) spec.blockSizeBytes = parseInteger(blockField, at('block size'));
  // Everything after the block size, inner spaces included, is the description.
  spec.description = rest;
  return spec;
}

/**
 * Parses the text of a single-segment WFDB header (`.hea`) per header(5): the record line, one signal
 * line per signal (extra signal lines are ignored, as the spec says) and `#` comment lines anywhere.
 * Missing optional fields get the WFDB defaults. `fileName` only labels errors. Throws `IoError` on a
 * malformed field, on too few signal lines and on multi-segment headers.
 */
export function parseHeader(text: string, fileName?: string): WfdbHeader {
  const comments: string[] = [];
  const specLines: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) comments.push(line.slice(1).trim());
    else specLines.push(raw);
  }
  if (specLines.length === 0) throw new IoError('no record line', { file: fileName, field: 'record line' });
  const rec = parseRecordLine(specLines[0], fileName);
  const nLines = specLines.length - 1;
  if (nLines < rec.nSignals) {
    const reason = `the record line announces ${rec.nSignals} signals but ${nLines} signal lines follow`;
    throw new IoError(reason, { file: fileName, field: 'signal lines' });
  }
  const signals: WfdbSignalSpec[] = [];
  for (let i = 0; i < rec.nSignals; i++) signals.push(parseSignalLine(specLines[i + 1], i, fileName));
  return { ...rec, signals, comments };
}

function checkToken(value: string, where: Where, allowEmpty = false): string {
  if (!allowEmpty && value === '') fail('must not be empty', where);
  if (/[\s\p{Cc}]/u.test(value)) fail(`"${value}" must not contain whitespace or control characters`, where);
  return value;
}

function realText(value: number, where: Where): string {
  if (!Number.isFinite(value)) fail(`${value} is not a finite number`, where);
  return String(value);
}

function integerText(value: number, where: Where): string {
  if (!Number.isSafeInteger(value)) fail(`${value} is not an integer`, where);
  return String(value);
}

function formatRecordLine(h: WfdbHeader): string {
  const at = (field: string): Where => ({ file: undefined, field });
  checkToken(h.recordName, at('record name'));
  if (h.recordName.includes('/')) fail('must not contain "/"', at('record name'));
  if (h.nSignals !== h.signals.length) {
    fail(`nSignals is ${h.nSignals} but ${h.signals.length} signals are given`, at('number of signals'));
  }
  if (!(h.fsHz > 0)) fail(`sampling frequency ${h.fsHz} is not positive`, at('sampling frequency'));
  let freq = realText(h.fsHz, at('sampling frequency'));
  if (h.counterFreqHz !== undefined) {
    freq += `/${realText(h.counterFreqHz, at('counter frequency'))}`;
    if (h.baseCounter !== undefined) freq += `(${realText(h.baseCounter, at('base counter value'))})`;
  } else if (h.baseCounter !== undefined) {
    fail('a base counter value needs a counter frequency', at('base counter value'));
  }
  if (h.nSamples < 0) fail(`number of samples ${h.nSamples} is negative`, at('number of samples'));
  const parts = [h.recordName, integerText(h.nSignals, at('number of signals')), freq];
  parts.push(integerText(h.nSamples, at('number of samples')));
  if (h.baseTime !== undefined) parts.push(checkToken(h.baseTime, at('base time')));
  if (h.baseDate !== undefined) {
    if (h.baseTime === undefined) fail('a base date needs a base time', at('base date'));
    parts.push(checkToken(h.baseDate, at('base date')));
  }
  return parts.join(' ');
}

function formatSignalLine(s: WfdbSignalSpec, index: number, nSamples: number): string {
  const at = (name: string): Where => ({ file: undefined, field: `signal ${index} ${name}` });
  let format = integerText(s.format, at('format'));
  if (s.samplesPerFrame !== 1) format += `x${integerText(s.samplesPerFrame, at('samples per frame'))}`;
  if (s.skew !== 0) format += `:${integerText(s.skew, at('skew'))}`;
  if (s.byteOffset !== 0) format += `+${integerText(s.byteOffset, at('byte offset'))}`;
  // A written 0 would read back as 200 (uncalibrated), so only finite non-zero gains are written.
  if (s.gainAdcPerUnit === 0) fail('gain 0 would read back as 200', at('gain'));
  let gain = realText(s.gainAdcPerUnit, at('gain'));
  if (s.baselineAdc !== s.adcZero) gain += `(${integerText(s.baselineAdc, at('baseline'))})`;
  if (checkToken(s.units, at('units'), true) !== '') gain += `/${s.units}`;
  const parts = [checkToken(s.fileName, at('file name')), format, gain];
  parts.push(integerText(s.adcResolutionBits, at('ADC resolution')));
  parts.push(integerText(s.adcZero, at('ADC zero')), integerText(s.initialValue, at('initial value')));
  if (/\p{Cc}/u.test(s.description)) fail('must not contain control characters', at('description'));
  const description = s.description.trim();
  if (s.checksum !== undefined || s.blockSizeBytes !== 0 || description !== '') {
    // The checksum is positional: with no checksum known, 0 is the spec's placeholder, but only
    // while the sample count is unspecified (otherwise readers would verify it and fail).
    if (s.checksum === undefined && nSamples !== 0) {
      fail('a checksum is needed to write the block size or description when nSamples > 0', at('checksum'));
    }
    parts.push(integerText(s.checksum ?? 0, at('checksum')), integerText(s.blockSizeBytes, at('block size')));
    if (description !== '') parts.push(description);
  }
  return parts.join(' ');
}

/**
 * Writes a single-segment WFDB header (`.hea`) text: the record line, one signal line per signal in the
 * form `NAME.dat 16 1000/mV 16 0 <init> <checksum> 0 II` (a `(baseline)` only when it differs from the
 * ADC zero; `x`, `:` and `+` format suffixes only when not default), then one `# text` line per comment.
 * Lines end with `\n`. Throws `IoError` on values a header cannot carry (whitespace in names, NaN ...).
 */
export function formatHeader(h: WfdbHeader): string {
  const lines = [formatRecordLine(h)];
  h.signals.forEach((s, i) => lines.push(formatSignalLine(s, i, h.nSamples)));
  for (const c of h.comments) {
    if (/[\r\n]/.test(c)) {
      fail('a comment must not contain a line break', { file: undefined, field: 'comments' });
    }
    lines.push(c === '' ? '#' : `# ${c}`);
  }
  return `${lines.join('\n')}\n`;
}
