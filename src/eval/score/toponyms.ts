/**
 * Geoparsing scoring (Gritta et al. 2019): toponym recognition F1 (overlapping spans, one-to-one; the
 * exact-offset figure beside it), then resolution of the recognised toponyms that have gold
 * coordinates: accuracy within 161 km, mean error in km, and the end-to-end accuracy over every gold
 * toponym with coordinates (a missed one counts as wrong). A recognised toponym left unresolved
 * counts as wrong, at the largest possible error (half the Earth's circumference). Imports the
 * span scorer, haversine and the miss log only.
 */
import type { MissLog } from '../misses.js';
import { ACCURACY_KM, haversineKm } from './geo.js';
import { accuracy, mean } from './metrics.js';
import { addCounts, countsPrf, emptyCounts, matchSpans, spanCounts } from './spans.js';

/** Half the Earth's circumference: the error charged for a toponym found but not resolved. */
export const MAX_ERROR_KM = 20037.5;

export interface Toponym {
  readonly start: number;
  readonly end: number;
  readonly lat: number | null;
  readonly lon: number | null;
}

export class ToponymTally {
  private readonly overlap = emptyCounts();
  private readonly exact = emptyCounts();
  private readonly errors: number[] = [];
  private within = 0;
  private unresolved = 0;
  private goldResolvable = 0;

  add(gold: readonly Toponym[], pred: readonly Toponym[], text = '', log?: MissLog): void {
    log?.startDocument();
    addCounts(this.exact, spanCounts(gold, pred, 'exact'));
    const m = matchSpans(gold, pred, 'overlap');
    addCounts(this.overlap, { tp: m.pairs.length, fp: m.spuriousPred.length, fn: m.missedGold.length });
    for (const g of gold) if (g.lat !== null && g.lon !== null) this.goldResolvable++;
    for (const [gi, pi] of m.pairs) {
      const g = gold[gi]!;
      const p = pred[pi]!;
      const { lat: glat, lon: glon } = g;
      const { lat: plat, lon: plon } = p;
      if (glat === null || glon === null) continue;
      if (plat === null || plon === null) this.unresolved++;
      const km = plat === null || plon === null ? MAX_ERROR_KM : haversineKm(glat, glon, plat, plon);
      this.errors.push(km);
      if (km <= ACCURACY_KM) this.within++;
      else
        log?.add(
          'far',
          `${fmt(glat)},${fmt(glon)}`,
          plat === null || plon === null
            ? 'unresolved'
            : `${fmt(plat)},${fmt(plon)} (${Math.round(km)} km off)`,
          text,
          g.start,
          g.end,
        );
    }
    if (!log) return;
    for (const gi of m.missedGold) log.add('missed', 'toponym', '—', text, gold[gi]!.start, gold[gi]!.end);
    for (const pi of m.spuriousPred)
      log.add('spurious', '—', 'toponym', text, pred[pi]!.start, pred[pi]!.end);
  }

  metrics(): Record<string, number> {
    const r = countsPrf(this.overlap);
    return {
      accuracy_161km: accuracy(this.within, this.errors.length),
      accuracy_161km_all: accuracy(this.within, this.goldResolvable),
      mean_error_km: mean(this.errors),
      // Recognised toponyms (with gold coordinates) left without coordinates, of all recognised ones.
      unresolved_share: accuracy(this.unresolved, this.errors.length),
      recognition_f1: r.f1,
      recognition_precision: r.precision,
      recognition_recall: r.recall,
      recognition_f1_exact: countsPrf(this.exact).f1,
    };
  }
}

const fmt = (x: number) => x.toFixed(2);
