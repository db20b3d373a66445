/**
 * Ingest progress for people: a bar on a terminal (articles/s, events so far, errors, ETA), plain
 * lines every few seconds when standard error is not a terminal (logs, CI). Imports cli-progress.
 */
import cliProgress from 'cli-progress';
import type { IngestCounts } from './ingest.js';

export interface Progress {
  update(c: Readonly<IngestCounts>): void;
  stop(): void;
}

export function createProgress(
  total: number | undefined,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const t0 = performance.now();
  const rate = (c: Readonly<IngestCounts>) => c.read / Math.max(0.001, (performance.now() - t0) / 1000);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: total
          ? '{bar} {percentage}% {value}/{total} | {rate}/s | {events} events | {errors} errors | ETA {eta_formatted}'
          : '{value} articles | {rate}/s | {events} events | {errors} errors',
        hideCursor: true,
        etaBuffer: 200,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: '0.0', events: 0, errors: 0 });
    return {
      update: (c) => bar.update(c.read, { rate: rate(c).toFixed(1), events: c.events, errors: c.errors }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (c) => {
      const t = performance.now();
      if (t - last < 5000) return;
      last = t;
      const of = total ? `/${total}` : '';
      stream.write(
        `ingest: ${c.read}${of} read, ${c.stored} stored, ${c.skipped} already stored, ${c.errors} errors, ${c.events} events, ${rate(c).toFixed(1)} articles/s\n`,
      );
    },
    stop: () => {},
  };
}
