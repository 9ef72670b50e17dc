/**
 * Version of the synthesizer's output. Any change to the samples a recipe produces is a deliberate bump
 * of this string, checked by the golden-hash test; recipes record it and later versions refuse others.
 */
export const GENERATOR_VERSION = '1.0.0';
