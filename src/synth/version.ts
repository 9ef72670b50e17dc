/**
 * Version of the synthesizer's output. Any change to the samples a recipe produces is a deliberate bump
 * of this string, checked by the golden-hash test; recipes record it and later versions refuse others.
 * 1.1.0: the same model, with exp, log, sin, cos and pow computed by core/det-math.ts, so that every
 * JavaScript engine gives the same bits (1.0.0 used Math.*, whose last bit differs between V8 versions:
 * about one float32 sample in ten million differed between Chromium and Node.js). The golden records
 * happen to be unchanged.
 */
export const GENERATOR_VERSION = '1.1.0';
