// Outer tier, the pairing step: which image survivor meets which audio survivor before the inner
// fusion search. Pairs are rank-matched by latency — the cheapest image backbone with the cheapest
// audio backbone, the costliest with the costliest — so a generation's networks span the cost
// range. A random matching can put every cheap backbone beside a costly one and leave the cheap
// end of the front empty; with a handful of fusion searches per generation that decides the front.
// A combination whose network was already searched gives way to the next one in preference order,
// so the budget buys new networks. (The paper-faithful mode keeps the reference's random pairing.)

/** What the pairing needs to know about a survivor: its cost alone (ms) and a stable key. */
export interface PairingCandidate {
  latencyMs: number;
  key: string;
}

/** Indices ordered by latency, cheapest first (ties by key, so the order is deterministic). */
export function latencyOrder(xs: readonly PairingCandidate[]): number[] {
  return xs
    .map((_, i) => i)
    .sort((a, b) => xs[a].latencyMs - xs[b].latencyMs || (xs[a].key < xs[b].key ? -1 : xs[a].key > xs[b].key ? 1 : 0));
}

/** A rank's place in [0, 1] among n (0 = cheapest, 1 = costliest; a lone survivor sits at 0). */
const place = (rank: number, n: number) => (n <= 1 ? 0 : rank / (n - 1));

/**
 * Every (image index, audio index) combination in preference order: rank-matched first (the
 * two survivors' latency ranks at the same place between cheapest and costliest), then by growing
 * distance between the places, then cheaper combinations first.
 */
export function pairingPreference(image: readonly PairingCandidate[], audio: readonly PairingCandidate[]): [number, number][] {
  const imageRank = new Map(latencyOrder(image).map((index, rank) => [index, rank]));
  const audioRank = new Map(latencyOrder(audio).map((index, rank) => [index, rank]));
  const combos: { pair: [number, number]; distance: number; rankSum: number }[] = [];
  for (let i = 0; i < image.length; i++) {
    for (let a = 0; a < audio.length; a++) {
      const ri = imageRank.get(i)!;
      const ra = audioRank.get(a)!;
      combos.push({ pair: [i, a], distance: Math.abs(place(ri, image.length) - place(ra, audio.length)), rankSum: ri + ra });
    }
  }
  const EPS = 1e-9;
  combos.sort((x, y) => (Math.abs(x.distance - y.distance) > EPS ? x.distance - y.distance : x.rankSum - y.rankSum));
  return combos.map((c) => c.pair);
}

/**
 * Chooses `count` pairs. `propose(i, a)` builds the pair for image survivor i and audio survivor
 * a (drawing its macro) and returns null when that network was already searched; combinations
 * are tried in preference order, each at most once. When fewer than `count` new networks exist,
 * the remaining slots take `fallback(i, a)` on the preferred combinations again (a cache hit, or
 * a new macro), so a generation always has `count` pairs.
 */
export function choosePairs<P>(
  image: readonly PairingCandidate[],
  audio: readonly PairingCandidate[],
  count: number,
  propose: (image: number, audio: number) => P | null,
  fallback: (image: number, audio: number) => P,
): P[] {
  const preference = pairingPreference(image, audio);
  const chosen: P[] = [];
  for (const [i, a] of preference) {
    if (chosen.length >= count) break;
    const pair = propose(i, a);
    if (pair !== null) chosen.push(pair);
  }
  for (let k = 0; chosen.length < count && preference.length > 0; k++) {
    const [i, a] = preference[k % preference.length];
    chosen.push(fallback(i, a));
  }
  return chosen;
}
