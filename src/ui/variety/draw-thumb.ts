/**
 * Draw one variety thumbnail on a 2-D canvas (not WebGL: a page holds only a few WebGL contexts): ECG
 * paper with 0.2 s × 0.5 mV boxes and darker 1 s lines, the lead II trace, and a small red mark above
 * each ventricular (PVC) beat. The canvas backing store follows its CSS size × devicePixelRatio.
 */
import { MAJOR_MV, MAJOR_S, PAPER_COLORS } from '../plots/ecg-paper.ts';
import type { VarietyThumb } from '../../workers/variety-protocol.ts';
import type { ThumbScale } from './thumb-scale.ts';

/** Colour of the marks above PVCs. */
const PVC_MARK_COLOR = '#c62828';

/** Match the canvas backing store to its CSS box; returns the CSS size, px. */
function fitCanvas(canvas: HTMLCanvasElement): { widthPx: number; heightPx: number; dpr: number } {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const widthPx = canvas.clientWidth;
  const heightPx = canvas.clientHeight;
  const w = Math.max(1, Math.round(widthPx * dpr));
  const h = Math.max(1, Math.round(heightPx * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return { widthPx, heightPx, dpr };
}

function gridLines(
  ctx: CanvasRenderingContext2D,
  color: string,
  draw: (path: Path2D) => void,
  lineWidth: number,
): void {
  const path = new Path2D();
  draw(path);
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.stroke(path);
}

/** Draw `thumb` into `canvas` on `scale`. */
export function drawThumb(canvas: HTMLCanvasElement, thumb: VarietyThumb, scale: ThumbScale): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas context');
  const { widthPx, heightPx, dpr } = fitCanvas(canvas);
  const [loMv, hiMv] = scale.rangeMv;
  const pxPerS = widthPx / scale.windowS;
  const pxPerMv = heightPx / (hiMv - loMv);
  const yOf = (mv: number) => (hiMv - mv) * pxPerMv;

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = PAPER_COLORS.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const boxesAcross = Math.round(scale.windowS / MAJOR_S);
  const perSecond = Math.round(1 / MAJOR_S);
  gridLines(
    ctx,
    PAPER_COLORS.minorGrid,
    (path) => {
      for (let k = 1; k < boxesAcross; k++) {
        if (k % perSecond === 0) continue;
        path.moveTo(k * MAJOR_S * pxPerS, 0);
        path.lineTo(k * MAJOR_S * pxPerS, heightPx);
      }
      for (let mv = loMv + MAJOR_MV; mv < hiMv - 1e-9; mv += MAJOR_MV) {
        path.moveTo(0, yOf(mv));
        path.lineTo(widthPx, yOf(mv));
      }
    },
    0.6,
  );
  gridLines(
    ctx,
    PAPER_COLORS.majorGrid,
    (path) => {
      for (let s = 1; s < scale.windowS; s++) {
        path.moveTo(s * pxPerS, 0);
        path.lineTo(s * pxPerS, heightPx);
      }
    },
    0.8,
  );

  const { signalMv, fsHz } = thumb;
  const trace = new Path2D();
  for (let i = 0; i < signalMv.length; i++) {
    const x = (i / fsHz) * pxPerS;
    if (i === 0) trace.moveTo(x, yOf(signalMv[i]));
    else trace.lineTo(x, yOf(signalMv[i]));
  }
  ctx.strokeStyle = PAPER_COLORS.trace;
  ctx.lineWidth = 1;
  ctx.lineJoin = 'round';
  ctx.stroke(trace);

  ctx.fillStyle = PVC_MARK_COLOR;
  for (const r of thumb.ventricularPeaks) {
    const x = (r / fsHz) * pxPerS;
    ctx.beginPath();
    ctx.moveTo(x - 3.5, 1);
    ctx.lineTo(x + 3.5, 1);
    ctx.lineTo(x, 6);
    ctx.closePath();
    ctx.fill();
  }
}
