import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyUpdate, normalizeQuote, totalSpread, type Quote, type QuoteUpdate, type RawQuote } from './exercise.ts';

const FIELDS = ['symbol', 'bid', 'ask', 'bidSize', 'askSize', 'venue'];
const TYPES: Record<string, string> = { symbol: 'string', bid: 'number', ask: 'number', bidSize: 'number', askSize: 'number', venue: 'string' };

const px = fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100);
const size = fc.integer({ min: 1, max: 5_000 });
const sym = fc.constantFrom('AAPL', 'MSFT', 'SPY', 'QQQ');
const venue = fc.constantFrom('XNAS', 'XNYS', 'ARCX', 'BATS');

/** Raw quotes of all three feeds, with and without their optional fields, in each feed's own key order. */
const rawArb: fc.Arbitrary<RawQuote> = fc.oneof(
  fc.record({ sym, bidPx: px, askPx: px, bidQty: size, askQty: size, venue }).map((r): RawQuote => ({ feed: 'direct', ...r })),
  fc
    .record({ symbol: sym, bid: px, ask: px, bidSize: size, askSize: size }, { requiredKeys: ['symbol', 'bid', 'ask'] })
    .map((r): RawQuote => ({ feed: 'sip', ...r })),
  fc
    .record({ ask: px, bid: px, symbol: sym, venue: fc.option(venue), ts: fc.nat(), askSize: size, bidSize: size })
    .map((r): RawQuote => ({ feed: 'vendor', ...r })),
);

const keys = (o: object) => Reflect.ownKeys(o).map(String).join(',');

/** A Proxy over a quote that records every property added to it or deleted from it. */
function watched(quote: Quote) {
  const changes: string[] = [];
  const proxy = new Proxy(quote, {
    defineProperty(target, key, descriptor) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) changes.push(`added "${String(key)}"`);
      return Reflect.defineProperty(target, key, descriptor);
    },
    deleteProperty(target, key) {
      changes.push(`deleted "${String(key)}"`);
      return Reflect.deleteProperty(target, key);
    },
  });
  return { proxy, changes };
}

describe('normalizeQuote: the values', () => {
  it('maps each feed\'s own field names onto a Quote', () => {
    const direct = normalizeQuote({ feed: 'direct', sym: 'AAPL', bidPx: 190.1, askPx: 190.12, bidQty: 300, askQty: 200, venue: 'XNAS' });
    expect({ ...direct }, 'from the direct feed').toEqual({ symbol: 'AAPL', bid: 190.1, ask: 190.12, bidSize: 300, askSize: 200, venue: 'XNAS' });
    const vendor = normalizeQuote({ feed: 'vendor', ask: 410.5, bid: 410.4, symbol: 'MSFT', venue: 'ARCX', ts: 1_700_000_000, askSize: 9, bidSize: 8 });
    expect({ ...vendor }, 'from the vendor feed (ts is not kept)').toEqual({ symbol: 'MSFT', bid: 410.4, ask: 410.5, bidSize: 8, askSize: 9, venue: 'ARCX' });
  });

  it('fills what a feed leaves out: a missing size is 0, a missing or null venue is \'\'', () => {
    const sip = normalizeQuote({ feed: 'sip', symbol: 'SPY', bid: 600, ask: 600.01 });
    expect({ ...sip }, 'SIP quote without sizes or venue').toEqual({ symbol: 'SPY', bid: 600, ask: 600.01, bidSize: 0, askSize: 0, venue: '' });
    const sized = normalizeQuote({ feed: 'sip', symbol: 'SPY', bid: 600, ask: 600.01, bidSize: 5 });
    expect([sized.bidSize, sized.askSize], 'SIP quote with one size').toEqual([5, 0]);
    const vendor = normalizeQuote({ feed: 'vendor', ask: 2, bid: 1, symbol: 'QQQ', venue: null, ts: 0, askSize: 1, bidSize: 1 });
    expect(vendor.venue, 'vendor quote with a null venue').toBe('');
  });

  it('feeds the hot path: totalSpread over normalized quotes of all feeds', () => {
    const quotes = [
      normalizeQuote({ feed: 'direct', sym: 'AAPL', bidPx: 10, askPx: 10.5, bidQty: 1, askQty: 1, venue: 'XNAS' }),
      normalizeQuote({ feed: 'sip', symbol: 'AAPL', bid: 10, ask: 10.25 }),
      normalizeQuote({ feed: 'vendor', ask: 11, bid: 10, symbol: 'AAPL', venue: null, ts: 0, askSize: 1, bidSize: 1 }),
    ];
    expect(totalSpread(quotes), 'spreads 0.5 + 0.25 + 1').toBe(1.75);
  });
});

describe('normalizeQuote: one shape', () => {
  it('gives every quote the same keys in the same order, whatever the feed and its optional fields', () => {
    fc.assert(
      fc.property(fc.array(rawArb, { minLength: 2, maxLength: 30 }), (raws) => {
        const first = keys(normalizeQuote(raws[0]!));
        expect(first.split(',').sort(), `the keys of a quote from the ${raws[0]!.feed} feed`).toEqual([...FIELDS].sort());
        for (const raw of raws) {
          expect(keys(normalizeQuote(raw)), `key order of a quote from ${JSON.stringify(raw)}, against the first quote's`).toBe(first);
        }
      }),
      { seed: 33_2026, numRuns: 200 },
    );
  });

  it('keeps each field to one type: numbers are always numbers, strings always strings', () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const q = normalizeQuote(raw) as unknown as Record<string, unknown>;
        for (const f of FIELDS) expect(typeof q[f], `typeof ${f} in the quote from ${JSON.stringify(raw)}`).toBe(TYPES[f]);
      }),
      { seed: 34_2026, numRuns: 200 },
    );
  });

  it('makes every quote with one constructor (one prototype), never returning the raw object', () => {
    const raws = fc.sample(rawArb, { seed: 35, numRuns: 60 });
    const protos = new Set(raws.map((r) => Object.getPrototypeOf(normalizeQuote(r))));
    expect(protos.size, 'distinct prototypes among 60 quotes of all feeds').toBe(1);
    for (const raw of raws) expect(normalizeQuote(raw) === (raw as unknown), `normalizeQuote returned its input for ${raw.feed}`).toBe(false);
  });

  it('does not modify the raw quote it reads', () => {
    for (const raw of fc.sample(rawArb, { seed: 36, numRuns: 60 })) {
      const before = keys(raw);
      const writes: string[] = [];
      const proxy = new Proxy(raw, {
        set(target, key, value) {
          writes.push(`set "${String(key)}"`);
          return Reflect.set(target, key, value);
        },
        defineProperty(target, key, d) {
          writes.push(`defined "${String(key)}"`);
          return Reflect.defineProperty(target, key, d);
        },
        deleteProperty(target, key) {
          writes.push(`deleted "${String(key)}"`);
          return Reflect.deleteProperty(target, key);
        },
      });
      normalizeQuote(proxy);
      expect(writes, `changes made to the raw ${raw.feed} quote`).toEqual([]);
      expect(keys(raw), 'the raw quote\'s keys afterwards').toBe(before);
    }
  });
});

describe('applyUpdate: in place, same shape', () => {
  const base = (): Quote => normalizeQuote({ feed: 'direct', sym: 'AAPL', bidPx: 190, askPx: 190.02, bidQty: 100, askQty: 100, venue: 'XNAS' });

  it('changes exactly the fields the update carries, and a null venue becomes \'\'', () => {
    const q = base();
    applyUpdate(q, { seq: 1, bid: 190.01, askSize: 50 });
    expect({ ...q }, 'after a bid and askSize update').toEqual({ symbol: 'AAPL', bid: 190.01, ask: 190.02, bidSize: 100, askSize: 50, venue: 'XNAS' });
    applyUpdate(q, { seq: 2, venue: null });
    expect(q.venue, 'venue after venue: null').toBe('');
    applyUpdate(q, { seq: 3, venue: 'BATS', ask: 190.03 });
    expect([q.venue, q.ask], 'venue and ask after the third update').toEqual(['BATS', 190.03]);
  });

  it('never adds or deletes a property (watched through a Proxy), so the quote keeps its shape', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record(
            { seq: fc.nat(), bid: px, ask: px, bidSize: size, askSize: size, venue: fc.option(venue) },
            { requiredKeys: ['seq'] },
          ),
          { maxLength: 8 },
        ),
        (updates) => {
          const q = base();
          const before = keys(q);
          const { proxy, changes } = watched(q);
          for (const u of updates) applyUpdate(proxy, u as QuoteUpdate);
          expect(changes, `properties added or deleted by the updates ${JSON.stringify(updates)}`).toEqual([]);
          expect(keys(q), 'the quote\'s key order after the updates').toBe(before);
          for (const f of FIELDS) expect(typeof (q as unknown as Record<string, unknown>)[f], `typeof ${f} after the updates`).toBe(TYPES[f]);
        },
      ),
      { seed: 37_2026, numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ the whole domain
// Differential tests against a model of the exercise text, on values the feeds may send
// that a truthiness test mistakes for "missing": 0 and -0 prices and sizes, '' venues, NaN
// and the largest doubles, and optional fields present with the value undefined.

const anyPx = fc.oneof(px, fc.constantFrom(0, -0, 0.1 + 0.2, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53, Number.NaN), fc.double());
const anySize = fc.oneof(size, fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER));
const anyVenue = fc.oneof(venue, fc.constant(''));
const anySym = fc.oneof(sym, fc.constantFrom('', '0', 'undefined'));
/** An optional field that is absent, present with a value, or present with the value undefined. */
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb.map((v) => ({ v })), fc.constant({ v: undefined })), { nil: undefined });
const withOptional = (o: Record<string, unknown>, key: string, slot: { v: unknown } | undefined) => {
  if (slot) o[key] = slot.v;
  return o;
};

const edgeRaw: fc.Arbitrary<RawQuote> = fc.oneof(
  fc.record({ sym: anySym, bidPx: anyPx, askPx: anyPx, bidQty: anySize, askQty: anySize, venue: anyVenue }).map((r) => ({ feed: 'direct', ...r }) as RawQuote),
  fc.tuple(anySym, anyPx, anyPx, optional(anySize), optional(anySize)).map(([symbol, bid, ask, bs, as]) => {
    const o: Record<string, unknown> = { feed: 'sip', symbol, bid, ask };
    return withOptional(withOptional(o, 'bidSize', bs), 'askSize', as) as unknown as RawQuote;
  }),
  fc
    .record({ ask: anyPx, bid: anyPx, symbol: anySym, venue: fc.oneof(anyVenue, fc.constant(null)), ts: fc.nat(), askSize: anySize, bidSize: anySize })
    .map((r) => ({ feed: 'vendor', ...r }) as RawQuote),
);

/** The exercise text's Quote for a raw quote, as [field, value] pairs in the Quote's field order. */
function modelQuote(raw: RawQuote): Record<string, unknown> {
  switch (raw.feed) {
    case 'direct':
      return { symbol: raw.sym, bid: raw.bidPx, ask: raw.askPx, bidSize: raw.bidQty, askSize: raw.askQty, venue: raw.venue };
    case 'sip':
      return { symbol: raw.symbol, bid: raw.bid, ask: raw.ask, bidSize: raw.bidSize ?? 0, askSize: raw.askSize ?? 0, venue: '' };
    case 'vendor':
      return { symbol: raw.symbol, bid: raw.bid, ask: raw.ask, bidSize: raw.bidSize, askSize: raw.askSize, venue: raw.venue ?? '' };
  }
}

/** Object.is on every field, so -0, NaN and '' count as themselves. */
function sameFields(got: object, want: Record<string, unknown>): string | undefined {
  const g = got as Record<string, unknown>;
  for (const f of FIELDS) if (!Object.is(g[f], want[f])) return `${f} is ${fc.stringify(g[f])}, expected ${fc.stringify(want[f])}`;
  return undefined;
}

describe('the whole domain', () => {
  it('normalizeQuote agrees with the model on 1,000 quotes with sizes of 0, prices of 0, -0, NaN or huge, and fields absent or undefined', () => {
    fc.assert(
      fc.property(edgeRaw, (raw) => {
        const q = normalizeQuote(raw);
        const problem = sameFields(q, modelQuote(raw));
        if (problem) expect.fail(`normalizeQuote(${fc.stringify(raw)}): ${problem}`);
        for (const f of FIELDS) {
          if (typeof (q as unknown as Record<string, unknown>)[f] !== TYPES[f]) expect.fail(`normalizeQuote(${fc.stringify(raw)}): typeof ${f} is not ${TYPES[f]}`);
        }
        if (keys(q).split(',').length !== FIELDS.length) expect.fail(`normalizeQuote(${fc.stringify(raw)}) has the keys ${keys(q)}`);
      }),
      { seed: 20261203, numRuns: 1_000 },
    );
  });

  it('applyUpdate agrees with the model on 500 sequences of updates carrying 0, -0, NaN, \'\', null and fields present as undefined', () => {
    const update = fc
      .tuple(fc.nat(), optional(anyPx), optional(anyPx), optional(anySize), optional(anySize), optional(fc.oneof(anyVenue, fc.constant(null))))
      .map(([seq, bid, ask, bs, as, v]) => {
        const u: Record<string, unknown> = { seq };
        withOptional(u, 'bid', bid);
        withOptional(u, 'ask', ask);
        withOptional(u, 'bidSize', bs);
        withOptional(u, 'askSize', as);
        withOptional(u, 'venue', v);
        return u as unknown as QuoteUpdate;
      });
    fc.assert(
      fc.property(edgeRaw, fc.array(update, { maxLength: 6 }), (raw, updates) => {
        const q = normalizeQuote(raw);
        const want = modelQuote(raw);
        const before = keys(q);
        const { proxy, changes } = watched(q);
        for (const u of updates) {
          applyUpdate(proxy, u);
          for (const f of ['bid', 'ask', 'bidSize', 'askSize'] as const) if (u[f] !== undefined) want[f] = u[f];
          if (u.venue !== undefined) want.venue = u.venue ?? '';
          const problem = sameFields(q, want);
          if (problem) expect.fail(`after applyUpdate(quote, ${fc.stringify(u)}) on ${fc.stringify(modelQuote(raw))}: ${problem}`);
        }
        if (changes.length > 0 || keys(q) !== before) expect.fail(`the updates ${fc.stringify(updates)} changed the quote's shape: ${changes.join(', ') || keys(q)}`);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
