// A byte-bounded LRU of pooled backbone features (the inner tier's feature caching),
// shared by the backbone evaluations and the fusion searches of one run: a subnet's pooled
// fusable features on a split are computed once and reused by every pair it joins.

/** One subnet's pass over one split: accuracy (%) and its 4 pooled features [n, 4, 4, C_k]. */
export interface BackboneFeatures {
  accuracy: number;
  channels: number[];
  features: Float32Array[];
}

const bytesOf = (f: BackboneFeatures) => f.features.reduce((a, x) => a + x.byteLength, 0);

export class FeatureCache {
  private readonly map = new Map<string, BackboneFeatures>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): BackboneFeatures | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v); // most recently used last
    }
    return v;
  }

  set(key: string, value: BackboneFeatures): void {
    const old = this.map.get(key);
    if (old) {
      this.bytes -= bytesOf(old);
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += bytesOf(value);
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes || k === key) break;
      this.map.delete(k);
      this.bytes -= bytesOf(v);
    }
  }

  get size(): number {
    return this.map.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
