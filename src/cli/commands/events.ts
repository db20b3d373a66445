/**
 * `sitrep events [filters] [--json|--csv]`: story events (merged across articles) with their source
 * and outlet counts. A readable table by default; `--json` prints one JSON object per line (see
 * src/store/story-json.ts); `--csv` a header and one row per event.
 */
import type { Command } from 'commander';
import { isValidIsoDate } from '../../core/dates.js';
import { SitrepError } from '../../core/errors.js';
import { openStore } from '../../store/open-store.js';
import type { EventFilter, StoryView } from '../../store/store.js';
import { csvLine, STORY_CSV_COLUMNS, storyCsvRow, storyJson } from '../../store/story-json.js';
import type { CommandResult } from '../main.js';
import { dbOption } from './ingest.js';

/** Left-aligned columns, the last one free to run long. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => Math.min((r[i] ?? '').length, 40))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : c.length > 40 ? `${c.slice(0, 39)}…` : c.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function who(name: string | null, code: string | null): string {
  if (!name && !code) return '—';
  return code && name && code !== name ? `${name} (${code})` : (name ?? code ?? '—');
}

export function storyTableRow(v: StoryView): string[] {
  const s = v.story;
  const date =
    s.date_from === s.date_to || !s.date_to ? (s.date_from ?? '?') : `${s.date_from}..${s.date_to}`;
  return [
    s.id,
    date,
    `${who(s.source_name, s.source_code)} → ${who(s.target_name, s.target_code)}`,
    `${s.cameo} ${s.plover}`,
    String(s.n_mentions),
    String(s.n_outlets),
    String(s.n_sources),
    s.contradicted ? '!' : '',
    s.label,
  ];
}

export const STORY_TABLE_HEADER = [
  'EVENT',
  'DATE',
  'WHO',
  'CODE',
  'MENTIONS',
  'OUTLETS',
  'SOURCES',
  '!',
  'LABEL',
];

interface EventsOptions {
  db?: string;
  actor?: string;
  cameo?: string;
  plover?: string;
  from?: string;
  to?: string;
  place?: string;
  outlet?: string;
  minSources?: string;
  contradicted?: boolean;
  limit: string;
  json?: boolean;
  csv?: boolean;
}

function date(flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && !isValidIsoDate(v)) {
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${v}: expected a date as YYYY-MM-DD`);
  }
  return v;
}

function count(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${v}: expected a whole number`);
  return n;
}

export function registerEvents(program: Command, _result: CommandResult): void {
  dbOption(
    program.command('events').description('list story events (merged across articles), with source counts'),
  )
    .option('--actor <code|name>', 'source or target: PRK, Russia, Putin')
    .option('--cameo <code>', 'CAMEO code prefix: 07 matches 07x')
    .option('--plover <type>', 'PLOVER event type: AID, CONSULT, ...')
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .option('--place <name|code>', 'place name (prefix) or country code')
    .option('--outlet <name>', 'reported by this outlet')
    .option('--min-sources <n>', 'at least N distinct sources (speakers, or outlets in their own voice)')
    .option('--contradicted', 'only events with contradictions')
    .option('--limit <n>', 'at most N events', '200')
    .option('--json', 'one JSON object per line')
    .option('--csv', 'CSV with a header')
    .action(async (opts: EventsOptions) => {
      const filter: EventFilter = {
        actor: opts.actor,
        cameo: opts.cameo,
        plover: opts.plover,
        from: date('--from', opts.from),
        to: date('--to', opts.to),
        place: opts.place,
        outlet: opts.outlet,
        minSources: count('--min-sources', opts.minSources),
        contradicted: opts.contradicted,
        limit: count('--limit', opts.limit),
      };
      const store = await openStore(opts.db);
      try {
        const views = await store.events(filter);
        const out = process.stdout;
        if (opts.json) {
          for (const v of views) out.write(`${JSON.stringify(storyJson(v))}\n`);
        } else if (opts.csv) {
          out.write(`${csvLine(STORY_CSV_COLUMNS)}\n`);
          for (const v of views) out.write(`${storyCsvRow(v)}\n`);
        } else if (views.length === 0) {
          const c = await store.counts();
          out.write(
            c.documents === 0
              ? 'no events: the store is empty (`sitrep ingest PATH` first)\n'
              : `no events match (${c.documents} document(s), ${c.stories} story event(s) stored)\n`,
          );
        } else {
          out.write(`${formatTable(STORY_TABLE_HEADER, views.map(storyTableRow))}\n`);
          out.write(
            `${views.length} event(s)${views.length === filter.limit ? ' (--limit reached)' : ''}; \`sitrep show EVENT\` for the evidence\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
