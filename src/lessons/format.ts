// Number formatting shared by the lessons (every figure they quote is computed, not typed).

/** 54,331,641 */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A large count as "2.8 × 10¹²" (plain digits below a million). */
export function big(n: number): string {
  if (n < 1e6) return count(n);
  const exp = Math.floor(Math.log10(n));
  const sup = String(exp).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${(n / 10 ** exp).toFixed(1)} × 10${sup}`;
}

export const pct = (x: number, digits = 2): string => `${x.toFixed(digits)} %`;
export const ms = (x: number, digits = 3): string => `${x.toFixed(digits)} ms`;
export const mj = (x: number, digits = 3): string => `${x.toFixed(digits)} mJ`;
