/**
 * The single-beat view of each class: the class's typical beat(s) at the parameters' mean values (no
 * variability, no noise), every component drawn separately with its name, on a time axis relative to the
 * R peak: nsr a sinus beat; af a QRS-T without P over f-waves; afl a QRS-T locked to F-waves; pvc a sinus
 * beat beside a PVC; wpw a pre-excited beat with its delta wave.
 */
import { createRng } from '../core/rng.ts';
import { addFibrillatoryWaves, addFlutterWaves } from './atrial-waves.ts';
import { createLayout, placeRrAdaptive, placeStretch1s, type BeatLayout } from './beat-model.ts';
import { layoutPvc } from './classes/pvc.ts';
import { preExciteLayout, preExciteWaves } from './classes/wpw.ts';
import { addDeltaWave } from './delta-wave.ts';
import { addGaussian } from './gaussian.ts';
import { WAVES, type SynthParams } from './params.ts';

/** One named component of a beat view. */
export interface BeatPart {
  name: string;
  mv: Float64Array;
}

/** One beat drawn as its components and their sum. */
export interface BeatView {
  title: string;
  /** Time of each sample relative to the R peak, s. */
  timeS: Float64Array;
  parts: BeatPart[];
  sumMv: Float64Array;
}

const FROM_S = -0.5;
const TO_S = 0.8;
/** The R peak sits at this time in the work buffers, s. */
const ORIGIN_S = 1;

function meanWaves(params: SynthParams): Float64Array {
  const beat = new Float64Array(15);
  WAVES.forEach((w, i) => beat.set([params[`${w}AmpMv`], params[`${w}WidthS`], params[`${w}PosS`]], i * 3));
  return beat;
}

function place(params: SynthParams, beat: Float64Array, rrS: number): BeatLayout {
  const layout = createLayout();
  if (params.beatModel === 'stretch-1s') {
    placeStretch1s(beat, 0, rrS, layout);
    const shift = ORIGIN_S - layout.rPeakS;
    for (let w = 0; w < 5; w++) layout.centerS[w] += shift;
    layout.rPeakS = ORIGIN_S;
  } else {
    placeRrAdaptive(beat, ORIGIN_S, rrS, params.prRateExponent, params.qtRateExponent, layout);
  }
  return layout;
}

/** Cut the view window out of full work buffers and sum the parts. */
function view(title: string, fsHz: number, named: [string, Float64Array][]): BeatView {
  const first = Math.round((ORIGIN_S + FROM_S) * fsHz);
  const n = Math.round((TO_S - FROM_S) * fsHz) + 1;
  const timeS = Float64Array.from({ length: n }, (_, i) => (first + i) / fsHz - ORIGIN_S);
  const parts = named.map(([name, buf]) => ({ name, mv: buf.slice(first, first + n) }));
  const sumMv = new Float64Array(n);
  for (const p of parts) for (let i = 0; i < n; i++) sumMv[i] += p.mv[i];
  return { title, timeS, parts, sumMv };
}

function buffer(fsHz: number): Float64Array {
  return new Float64Array(Math.round((ORIGIN_S + TO_S) * fsHz) + 2);
}

/** The Gaussian waves of `layout` as named parts (waves with zero amplitude left out). */
function waveParts(
  layout: BeatLayout,
  fsHz: number,
  names = ['P', 'Q', 'R', 'S', 'T'],
): [string, Float64Array][] {
  const out: [string, Float64Array][] = [];
  for (let w = 0; w < 5; w++) {
    if (layout.ampMv[w] === 0) continue;
    const buf = buffer(fsHz);
    addGaussian(buf, fsHz, layout.ampMv[w], layout.centerS[w], layout.widthS[w]);
    out.push([names[w], buf]);
  }
  return out;
}

/** The beat views of `params.className`. */
export function beatViews(params: SynthParams): BeatView[] {
  const fs = params.fsHz;
  const sinusRrS = 60 / params.heartRateBpm;
  const beat = meanWaves(params);
  switch (params.className) {
    case 'nsr':
      return [view('Sinus beat', fs, waveParts(place(params, beat, sinusRrS), fs))];
    case 'af': {
      beat[0] = 0;
      const f = buffer(fs);
      addFibrillatoryWaves(
        f,
        fs,
        params.afFWaveHz,
        params.afFWaveAmpMv,
        params.afIrregularity,
        createRng(params.seed),
      );
      const parts = waveParts(place(params, beat, 60 / params.afRateBpm), fs);
      return [view('AF: no P wave, f-waves', fs, [...parts, ['f-waves', f]])];
    }
    case 'afl': {
      beat[0] = 0;
      const cycleS = 60 / params.aflRateBpm;
      const amp = params.aflAmpMv * (params.aflPolarity === 'negative' ? 1 : -1);
      const fw = buffer(fs);
      addFlutterWaves(fw, fs, cycleS, amp, ORIGIN_S - params.aflAvDelayMs / 1000);
      const parts = waveParts(place(params, beat, 2 * cycleS), fs);
      return [view('Flutter: QRS locked to F-waves', fs, [...parts, ['F-waves', fw]])];
    }
    case 'pvc': {
      const sinus = view('Sinus beat', fs, waveParts(place(params, beat.slice(), sinusRrS), fs));
      const shape = {
        couplingRatio: 0,
        qrsS: params.pvcQrsMs / 1000,
        ampMv: params.pvcAmpMv,
        tAmpMv: params.pvcTAmpMv,
      };
      const pvc = layoutPvc(shape, ORIGIN_S);
      return [
        sinus,
        view('PVC: no P, wide QRS, opposite T', fs, waveParts(pvc, fs, ['', 'QRS notch', 'QRS', '', 'T'])),
      ];
    }
    case 'wpw': {
      preExciteWaves(beat, params.wpwTScale);
      const layout = place(params, beat, sinusRrS);
      const deltaS = params.wpwDeltaMs / 1000;
      const deltaOnS = preExciteLayout(layout, params.wpwPrMs / 1000, deltaS);
      const delta = buffer(fs);
      addDeltaWave(delta, fs, params.wpwDeltaAmpMv, deltaOnS, deltaS, layout.centerS[2], layout.widthS[2]);
      return [
        view('Pre-excited beat: short PR, delta wave', fs, [...waveParts(layout, fs), ['delta', delta]]),
      ];
    }
  }
}
