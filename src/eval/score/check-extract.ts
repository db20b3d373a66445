/**
 * A faithful TypeScript port of `../shared/tools/check_extract.py`: scores one `sitrep.extract/1`
 * document against an expected-output file (the seed's `expected.json`) item by item. Same items,
 * same matching rules, same order, so `sitrep eval seed` and the Python checker agree. Pure; imports
 * nothing from the pipeline (it reads the public JSON shape only).
 */

// biome-ignore lint/suspicious/noExplicitAny: the gold and output files are untyped JSON, as in the Python original
type Json = Record<string, any>;

export interface CheckResult {
  readonly hits: readonly string[];
  readonly misses: readonly string[];
  readonly requiredFound: number;
  readonly requiredTotal: number;
}

/** Lower-case, curly apostrophe to straight, every run of other characters to one space (Python `norm`). */
export function norm(s: unknown): string {
  const str = typeof s === 'string' ? s : '';
  return str
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : [v as string]);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Scores `out` (a parsed `sitrep extract --json` document) against `gold` (a parsed expected file).
 * `body` is the article text, needed only when gold times are placed by `start_text`.
 */
export function checkExtract(gold: Json, out: Json, body: string | null = null): CheckResult {
  const hits: string[] = [];
  const misses: string[] = [];
  const score = (ok: boolean, label: string): boolean => {
    (ok ? hits : misses).push(label);
    return ok;
  };

  const actors = new Map<unknown, Json>();
  for (const a of (out.actors ?? []) as Json[]) actors.set(a.id, a);
  const gactors = new Map<string, Json>();
  for (const g of (gold.actors ?? []) as Json[]) gactors.set(g.id, g);

  const names = (a: Json): string[] =>
    [a.name || '', ...((a.aliases ?? []) as string[])].filter((n) => n).map((n) => norm(n));

  /** Does output actor a stand for gold actor gid (a person, or a state/organisation or one of its members)? */
  const matches = (a: Json | undefined | null, gid: string): boolean => {
    const g = gactors.get(gid);
    if (!a || !g) return false;
    if ('person' in g) return names(a).includes(norm(g.person)) || norm(g.person) === norm(a.name);
    const codes = new Set(((g.any_code ?? []) as string[]).map((c) => c.toUpperCase()));
    for (const key of ['code', 'cameo', 'country']) {
      const v = a[key];
      if (typeof v === 'string' && codes.has(v.toUpperCase())) return true;
    }
    return ((g.any_name ?? []) as string[]).some((n) => names(a).includes(norm(n)));
  };

  const actorFor = (gid: string): Json | null => {
    const g = gactors.get(gid)!;
    for (const a of actors.values()) {
      if ('person' in g) {
        if (matches(a, gid)) return a;
      } else {
        const codes = new Set(((g.any_code ?? []) as string[]).map((c) => c.toUpperCase()));
        if (
          codes.has(str(a.code).toUpperCase()) ||
          ((g.any_name ?? []) as string[]).some((n) => names(a).includes(norm(n)))
        )
          return a;
      }
    }
    return null;
  };

  // actors, their roles and mentions
  for (const [gid, g] of gactors) {
    const a = actorFor(gid);
    const label = g.person || gid;
    if (!score(a !== null, `actor ${label}`) || a === null) continue;
    if ('person' in g) {
      const want = asList(g.country);
      const got = str(a.country).toUpperCase();
      score(want.includes(got), `actor ${label}: country ${JSON.stringify(want)} (got ${got || null})`);
      const roles = ((a.roles ?? []) as string[]).join(' ');
      score(
        (g.role_words as string[]).some((w) => norm(roles).includes(norm(w))),
        `actor ${label}: role with ${JSON.stringify(g.role_words)} (got ${JSON.stringify(a.roles ?? null)})`,
      );
    }
    const texts = new Set(((a.mentions ?? []) as Json[]).map((m) => norm(m.text)));
    for (const m of (g.mentions_at_least ?? []) as string[])
      score(texts.has(norm(m)), `actor ${label}: mention '${m}'`);
  }

  // times
  const times = new Map<unknown, Json>();
  for (const t of (out.times ?? []) as Json[]) times.set(t.id, t);
  for (const g0 of (gold.times ?? []) as Json[]) {
    const g = { ...g0 };
    if (!('start' in g)) {
      const at = body !== null ? body.indexOf(g.start_text) : -1;
      g.start = at >= 0 ? at + str(g.start_text).indexOf(g.text) : -999;
    }
    const cand = [...times.values()].filter(
      (t) => Math.abs((t.start || -99) - g.start) <= 12 || norm(t.text).includes(norm(g.text)),
    );
    const label = `time '${g.text}'`;
    if (!score(cand.length > 0, label)) continue;
    let ok = false;
    for (const t of cand) {
      const f = t.from;
      const to = t.to;
      if ('from' in g && f === g.from && to === g.to) ok = true;
      if ('within_from' in g && f && to && f >= g.within_from && to <= g.within_to) ok = true;
      if ('from_on_or_after' in g && ((f && f >= g.from_on_or_after) || t.future === true)) ok = true;
    }
    const want = Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'text' && k !== 'start'));
    score(
      ok,
      `${label}: value ${JSON.stringify(want)} (got ${JSON.stringify(cand.map((t) => [t.from, t.to, t.value]))})`,
    );
  }

  // places
  const places = new Map<unknown, Json>();
  for (const p of (out.places ?? []) as Json[]) places.set(p.id, p);
  for (const g of (gold.places ?? []) as Json[]) {
    const cand = [...places.values()].filter(
      (p) => norm(p.name).includes(norm(g.name)) || norm(p.text).includes(norm(g.name)),
    );
    const label = `place ${g.name}`;
    if (!score(cand.length > 0, label)) continue;
    if (g.country) {
      const want = asList(g.country);
      score(
        cand.some((p) => want.includes(str(p.country).toUpperCase())),
        `${label}: country ${JSON.stringify(want)}`,
      );
    }
    const near = cand.some(
      (p) =>
        isNum(p.lat) &&
        isNum(p.lon) &&
        Math.abs(p.lat - g.lat) <= g.tolerance_deg &&
        Math.abs(p.lon - g.lon) <= g.tolerance_deg,
    );
    score(near, `${label}: coordinates near ${g.lat},${g.lon}`);
  }

  // quantities
  const quants = new Map<unknown, Json>();
  for (const q of (out.quantities ?? []) as Json[]) quants.set(q.id, q);
  for (const g of (gold.quantities ?? []) as Json[]) {
    const cand = [...quants.values()].filter((q) => q.value === g.value);
    const label = `quantity ${g.value}`;
    if (!score(cand.length > 0, label)) continue;
    score(
      cand.some((q) => (g.unit_words as string[]).some((w) => norm(q.unit).includes(w))),
      `${label}: unit ${JSON.stringify(g.unit_words)}`,
    );
    score(
      cand.some((q) => q.approximate === g.approximate),
      `${label}: approximate=${g.approximate ? 'True' : 'False'}`,
    );
  }

  // quotes
  for (const g of (gold.quotes ?? []) as Json[]) {
    const cand = ((out.quotes ?? []) as Json[]).filter((q) => norm(q.text).includes(norm(g.contains)));
    const label = `quote '${g.contains}'`;
    if (!score(cand.length > 0, label)) continue;
    score(
      cand.some((q) => matches(actors.get(q.speaker), g.speaker)),
      `${label}: speaker ${g.speaker}`,
    );
  }

  // events
  const events = (out.events ?? []) as Json[];
  const used = new Map<string, Json>();
  let requiredFound = 0;
  let requiredTotal = 0;
  const root = (e: Json) => String(e.cameo || '').slice(0, 2);
  const overlapsRange = (t: Json | undefined, lo: string, hi: string) =>
    Boolean(t?.from && t.to && t.from <= hi && t.to >= lo);

  for (const g of (gold.events ?? []) as Json[]) {
    const directionOk = (e: Json): boolean => {
      const s = actors.get(e.source);
      const t = actors.get(e.target);
      const fwd =
        (g.source as string[]).some((x) => matches(s, x)) &&
        (!('target' in g) || (g.target as string[]).some((x) => matches(t, x)));
      if (fwd) return true;
      if (g.either_direction) {
        return (
          (g.source as string[]).some((x) => matches(t, x)) &&
          ((g.target ?? []) as string[]).some((x) => matches(s, x))
        );
      }
      return false;
    };
    const taken = g.distinct_from !== undefined ? used.get(g.distinct_from) : undefined;
    const roots = (g.cameo_root ?? []) as string[];
    let cand = events.filter(
      (e) => (roots.length === 0 || roots.includes(root(e))) && directionOk(e) && e !== taken,
    );
    if ('where' in g) {
      const w = norm(g.where);
      cand = cand.filter((e) => {
        const p = places.get(e.place) ?? {};
        return norm(p.name).includes(w) || norm(p.text).includes(w);
      });
    }
    const label = `event ${g.id} (${g.what})`;
    if (g.required) requiredTotal++;
    if (!score(cand.length > 0, label)) continue;
    if (g.required) requiredFound++;
    const best = (pred: (e: Json) => boolean) => cand.find(pred) ?? null;
    let chosen = cand[0]!;
    if ('attributed_to' in g) {
      const e = best((e) =>
        (g.attributed_to as string[]).some((x) => matches(actors.get(e.attribution?.speaker), x)),
      );
      score(e !== null, `${label}: attributed to one of ${JSON.stringify(g.attributed_to)}`);
      chosen = e ?? chosen;
    }
    if ('quantity' in g) {
      const e = best((e) => quants.get(e.quantity)?.value === g.quantity);
      score(e !== null, `${label}: quantity ${g.quantity}`);
    }
    if ('when_overlaps' in g) {
      const [lo, hi] = g.when_overlaps as [string, string];
      score(
        best((e) => overlapsRange(times.get(e.time), lo, hi)) !== null,
        `${label}: time overlaps ${lo}..${hi}`,
      );
    }
    if ('when_within' in g) {
      const [lo, hi] = g.when_within as [string, string];
      // The Python original defaults a missing bound to "0" / "9"; a null bound cannot compare there
      // either, so it counts as outside.
      const within = (t: Json | undefined) => {
        const f = t && 'from' in t ? t.from : '0';
        const to = t && 'to' in t ? t.to : '9';
        return typeof f === 'string' && typeof to === 'string' && f >= lo && to <= hi;
      };
      score(best((e) => within(times.get(e.time))) !== null, `${label}: time within ${lo}..${hi}`);
    }
    if ('certainty' in g) {
      score(
        best((e) => (g.certainty as string[]).includes(str(e.certainty).toLowerCase())) !== null,
        `${label}: certainty in ${JSON.stringify(g.certainty)}`,
      );
    }
    if ('polarity' in g) {
      score(
        best((e) => (g.polarity as string[]).includes(str(e.polarity).toLowerCase())) !== null,
        `${label}: polarity in ${JSON.stringify(g.polarity)}`,
      );
    }
    used.set(g.id, chosen);
  }

  return { hits, misses, requiredFound, requiredTotal };
}
