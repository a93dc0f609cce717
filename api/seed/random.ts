/**
 * A small seeded pseudo-random generator for demo data: the same seed gives the same sequence on every
 * machine, so the demo (and tests built on it) are reproducible. Not for anything security-related.
 *
 * The core is sfc32 (128-bit state) seeded through mulberry32. mulberry32 alone has a 32-bit state: its
 * streams are offsets on one 2^32 cycle, so forked streams (one per project, hundreds of thousands of
 * draws each) would overlap and repeat "unique" ids. 128 bits of state make that practically impossible.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `state` is for `fork()`: four words of a parent's output, so forks never share a 32-bit seed. */
  constructor(seed: number, state?: readonly [number, number, number, number]) {
    // mulberry32 spreads one 32-bit seed over the four state words.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
    this.a = next() ^ (state?.[0] ?? 0);
    this.b = next() ^ (state?.[1] ?? 0);
    this.c = next() ^ (state?.[2] ?? 0);
    this.d = next() ^ (state?.[3] ?? 0);
    // sfc32's authors recommend discarding the first outputs after seeding.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[['green', 5], ['red', 1]]` gives green five times as often as red. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items in random order (all of them when count exceeds the length). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** A lowercase, RFC 4122 version-4-shaped GUID drawn from this sequence (version 4, variant 8–b). */
  uuid(): string {
    const words = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()];
    words[1] = (words[1] & 0xffff0fff) | 0x00004000; // version nibble: 4
    words[2] = (words[2] & 0x3fffffff) | 0x80000000; // variant bits: 10xx (8, 9, a or b)
    const hex = words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)];
    return parts.join('-');
  }

  /** An independent generator derived from this one (one part of the data varies, the rest stays put). */
  fork(): Random {
    return new Random(0, [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()]);
  }
}

/** A seeded generator as a plain function of [0, 1): for simulations, fakes and tests. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
