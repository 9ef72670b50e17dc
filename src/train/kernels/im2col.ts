/**
 * Column buffers for convolution gradients (NHWC tensors, as TensorFlow.js lays them out).
 * `fillColumnsT` writes the transposed im2col matrix, one row per filter tap and input channel and one
 * column per output position, so that dW = colsT · dy is a single plain (untransposed) matrix product.
 */

/** The geometry of one 2-D convolution (a subset of tfjs's Conv2DInfo). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * Transpose `rows` × `cols` (row-major `src`) into `cols` × `rows` (`dst`), in cache-friendly tiles.
 * Used to turn NHWC activations into channels-first [C, B·H·W].
 */
export function transpose2d(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  if (cols === 1 || rows === 1) {
    dst.set(src.subarray(0, rows * cols));
    return;
  }
  const tile = 32;
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const r1 = Math.min(rows, r0 + tile);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const c1 = Math.min(cols, c0 + tile);
      for (let r = r0; r < r1; r++) {
        const srcRow = r * cols;
        for (let c = c0; c < c1; c++) dst[c * rows + r] = src[srcRow + c];
      }
    }
  }
}

/**
 * Fill `colsT` ([FH·FW·Ci] × [nb·OH·OW], row-major) for batch items b0 … b0+nb−1 from channels-first
 * input `xT` ([Ci, B, H, W]). Entry ((fh·FW + fw)·Ci + ci, (b, oh, ow)) is
 * x[b, oh·sh + fh·dh − padTop, ow·sw + fw·dw − padLeft, ci], or 0 in the padding.
 */
export function fillColumnsT(
  xT: Float32Array,
  g: ConvGeometry,
  b0: number,
  nb: number,
  colsT: Float32Array,
): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: Ci, outHeight: OH, outWidth: OW } = g;
  const sw = g.strideWidth;
  const cols = nb * OH * OW;
  for (let fh = 0; fh < g.filterHeight; fh++) {
    for (let fw = 0; fw < g.filterWidth; fw++) {
      const iw0 = fw * g.dilationWidth - g.padLeft; // input column of ow = 0
      const owStart = Math.min(OW, Math.max(0, Math.ceil(-iw0 / sw)));
      const owEnd = Math.max(owStart, Math.min(OW, Math.floor((W - 1 - iw0) / sw) + 1));
      for (let ci = 0; ci < Ci; ci++) {
        const row = ((fh * g.filterWidth + fw) * Ci + ci) * cols;
        for (let b = 0; b < nb; b++) {
          for (let oh = 0; oh < OH; oh++) {
            const dst = row + (b * OH + oh) * OW;
            const ih = oh * g.strideHeight + fh * g.dilationHeight - g.padTop;
            if (ih < 0 || ih >= H) {
              colsT.fill(0, dst, dst + OW);
              continue;
            }
            if (owStart > 0) colsT.fill(0, dst, dst + owStart);
            if (owEnd < OW) colsT.fill(0, dst + owEnd, dst + OW);
            const src = ((ci * B + b0 + b) * H + ih) * W + iw0;
            if (sw === 1) {
              colsT.set(xT.subarray(src + owStart, src + owEnd), dst + owStart);
            } else {
              for (let ow = owStart; ow < owEnd; ow++) colsT[dst + ow] = xT[src + ow * sw];
            }
          }
        }
      }
    }
  }
}
