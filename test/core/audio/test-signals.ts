// Test signals shared by the audio front-end tests: a pure tone at the 8 kHz rate, and argmax.
export const SR = 8000;

export function tone(hz: number, seconds: number, amp = 0.5): Float32Array {
  const n = Math.round(seconds * SR);
  return Float32Array.from({ length: n }, (_, t) => amp * Math.sin((2 * Math.PI * hz * t) / SR));
}

export const argmax = (xs: ArrayLike<number>): number => {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
};
