/** Resolve on the next animation frame (the frame that shows what was drawn before it). */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}
