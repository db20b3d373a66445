/**
 * `sitrep export --format jsonl|csv|geojson|plover|gdelt [--out FILE]`: every story event, read from the
 * store page by page (memory stays flat however large the store). jsonl is the `events --json`
 * object; geojson has one Point feature per event with a place; plover writes PLOVER-style event
 * records (event type, actor and recipient with their countries, date, location, sources); gdelt
 * the GDELT 2.0 event columns, tab-separated (src/output/gdelt-events.ts).
 */
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { GDELT_EVENT_COLUMNS, gdeltEventLine } from '../../output/gdelt-events.js';
import { openExistingStore } from '../../store/open-store.js';
import type { StoryView } from '../../store/store.js';
import { csvLine, STORY_CSV_COLUMNS, storyCsvRow, storyJson } from '../../store/story-json.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';

const FORMATS = ['jsonl', 'csv', 'geojson', 'plover', 'gdelt'] as const;
type ExportFormat = (typeof FORMATS)[number];
const PAGE = 500;

function ploverRecord(v: StoryView) {
  const s = v.story;
  const first = v.mentions[0]?.event;
  return {
    id: s.id,
    date: s.date_from,
    date_end: s.date_to,
    event: s.plover,
    mode: null,
    context: null,
    cameo: s.cameo,
    actor: s.source_name,
    actor_code: s.source_code,
    actor_country: s.source_country ?? s.source_code,
    recipient: s.target_name,
    recipient_code: s.target_code,
    recipient_country: s.target_country ?? s.target_code,
    location: s.place_name
      ? { name: s.place_name, country: s.place_country, lat: s.place_lat, lon: s.place_lon }
      : null,
    text: first?.evidence_text ?? null,
    publishers: JSON.parse(s.outlets) as string[],
    source_count: s.n_sources,
    urls: [...new Set(v.mentions.map((m) => m.url).filter((u): u is string => u !== null))],
  };
}

export function registerExport(program: Command, _result: CommandResult): void {
  dbOption(program.command('export').description('export every story event as jsonl, csv, geojson or plover'))
    .option('--format <format>', FORMATS.join('|'), 'jsonl')
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(async (opts: { db?: string; format: string; out?: string }) => {
      if (!FORMATS.includes(opts.format as ExportFormat)) {
        throw new SitrepError(
          'BAD_ARGUMENT',
          `--format ${opts.format}: expected one of ${FORMATS.join(', ')}`,
        );
      }
      const format = opts.format as ExportFormat;
      const store = await openExistingStore(opts.db);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      // A reader that stops early (`| head`) is not an error: stop writing quietly.
      let closed = false;
      out.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        closed = true;
      });
      // Waiting for each write's callback keeps memory flat when the reader is slower than the store.
      const write = (s: string) =>
        new Promise<void>((resolve, reject) => {
          if (closed) return resolve();
          out.write(s, (err) => {
            if ((err as NodeJS.ErrnoException | null | undefined)?.code === 'EPIPE') closed = true;
            if (err && !closed) reject(err);
            else resolve();
          });
        });
      try {
        if (format === 'csv') await write(`${csvLine(STORY_CSV_COLUMNS)}\n`);
        // GDELT's own files have no header; one is written so the columns can be checked by name.
        if (format === 'gdelt') await write(`${GDELT_EVENT_COLUMNS.join('\t')}\n`);
        let n = 0;
        if (format === 'geojson') await write('{"type":"FeatureCollection","features":[\n');
        let first = true;
        for (let offset = 0; ; offset += PAGE) {
          const page = await store.events({ limit: PAGE, offset });
          for (const v of page) {
            if (format === 'jsonl') await write(`${JSON.stringify(storyJson(v))}\n`);
            else if (format === 'csv') await write(`${storyCsvRow(v)}\n`);
            else if (format === 'plover') await write(`${JSON.stringify(ploverRecord(v))}\n`);
            else if (format === 'gdelt') await write(`${gdeltEventLine(v, ++n)}\n`);
            else if (v.story.place_lat !== null && v.story.place_lon !== null) {
              const { mentions: _m, ...props } = storyJson(v);
              const feature = {
                type: 'Feature',
                geometry: { type: 'Point', coordinates: [v.story.place_lon, v.story.place_lat] },
                properties: props,
              };
              await write(`${first ? '' : ',\n'}${JSON.stringify(feature)}`);
              first = false;
            }
          }
          if (page.length < PAGE || closed) break;
        }
        if (format === 'geojson') await write('\n]}\n');
      } finally {
        if (opts.out)
          await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
        await store.close();
      }
    });
}
