/**
 * `sitrep events [filters] [--json|--csv]`: story events (merged across articles) with their source
 * and outlet counts. A readable table by default; `--json` prints one JSON object per line (see
 * src/store/story-json.ts); `--csv` a header and one row per event.
 */
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { CERTAINTIES, POLARITIES, StoryQueryError, storyFilterFrom } from '../../query/story-query.js';
import { openExistingStore } from '../../store/open-store.js';
import type { EventFilter, Store, StoryView } from '../../store/store.js';
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
  actor: string[];
  source: string[];
  target: string[];
  cameo: string[];
  plover: string[];
  from?: string;
  to?: string;
  place: string[];
  outlet?: string;
  certainty: string[];
  polarity: string[];
  minSources?: string;
  contradicted?: boolean;
  limit: string;
  all?: boolean;
  json?: boolean;
  csv?: boolean;
}

export const DEFAULT_LIMIT = 200;
/** Stories read per query when `--all` streams them. */
const STREAM_PAGE = 500;

function count(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new SitrepError('BAD_ARGUMENT', `${flag} ${v}: expected a whole number`);
  return n;
}

const repeatable = (v: string, acc: string[]) => [...acc, v];

/** The story filter flags, as `events` and `export` declare them (see src/query/story-query.ts). */
export function storyFilterOptions(cmd: Command): Command {
  return cmd
    .option(
      '--actor <name|code>',
      'either side: a name (Putin), a state (Russia), a code or code prefix (RUS matches RUSGOV); repeatable or comma-separated: any of them',
      repeatable,
      [] as string[],
    )
    .option('--source <name|code>', 'as --actor, the source (who acts) only', repeatable, [] as string[])
    .option('--target <name|code>', 'as --actor, the target only', repeatable, [] as string[])
    .option(
      '--cameo <codes>',
      'CAMEO codes or roots, comma-separated: 18,19 matches 18x and 19x',
      repeatable,
      [] as string[],
    )
    .option(
      '--plover <types>',
      'PLOVER event types, comma-separated: AID,ASSAULT',
      repeatable,
      [] as string[],
    )
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .option(
      '--place <name|code>',
      'place name (prefix), an alternate name (Kiev = Kyiv) or country code; repeatable',
      repeatable,
      [] as string[],
    )
    .option('--outlet <name>', 'reported by this outlet')
    .option(
      '--certainty <levels>',
      `with at least one mention of this certainty: ${CERTAINTIES.join(', ')}; comma-separated`,
      repeatable,
      [] as string[],
    )
    .option(
      '--polarity <values>',
      `with at least one mention of this polarity: ${POLARITIES.join(', ')}; comma-separated`,
      repeatable,
      [] as string[],
    )
    .option('--min-sources <n>', 'at least N distinct sources (speakers, or outlets in their own voice)')
    .option('--contradicted', 'only events with contradictions');
}

/** The store filter from the filter flags; a bad value is a usage error naming its flag. */
export function storyFilterFromOptions(opts: Omit<EventsOptions, 'limit'>): EventFilter {
  try {
    return storyFilterFrom({
      actor: opts.actor,
      source: opts.source,
      target: opts.target,
      cameo: opts.cameo,
      plover: opts.plover,
      place: opts.place,
      certainty: opts.certainty,
      polarity: opts.polarity,
      from: opts.from,
      to: opts.to,
      outlet: opts.outlet,
      minSources: count('--min-sources', opts.minSources),
      contradicted: opts.contradicted,
    });
  } catch (err) {
    if (err instanceof StoryQueryError) {
      throw new SitrepError(
        'BAD_ARGUMENT',
        `--${err.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${err.value}: ${err.reason}`,
      );
    }
    throw err;
  }
}

/**
 * `--limit N` (default 200) or `--all`. `--limit 0` is refused rather than read as "none" or "all":
 * both readings surprised someone.
 */
export function limitFrom(opts: { limit: string; all?: boolean }): number | null {
  if (opts.all) return null;
  const n = count('--limit', opts.limit);
  if (n === 0 || n === undefined) {
    throw new SitrepError('BAD_ARGUMENT', '--limit 0: expected 1 or more (--all for every event)');
  }
  return n;
}

/** The line that says a list is cut: never a silent truncation. */
export function shownLine(shown: number, total: number): string {
  return `${shown} of ${total} event(s) shown — use --limit N or --all for more`;
}

/** Every story of the filter, one page at a time, in the listing's order (date, undated last). */
export async function* allStories(store: Store, filter: EventFilter): AsyncGenerator<StoryView> {
  for (let offset = 0; ; offset += STREAM_PAGE) {
    const page = await store.storyPage(filter, { sort: 'date', order: 'asc', limit: STREAM_PAGE, offset });
    yield* page.items;
    if (page.items.length < STREAM_PAGE) return;
  }
}

export function registerEvents(program: Command, _result: CommandResult): void {
  storyFilterOptions(
    dbOption(
      program.command('events').description('list story events (merged across articles), with source counts'),
    ),
  )
    .option('--limit <n>', `at most N events (default ${DEFAULT_LIMIT}; 0 is refused)`, String(DEFAULT_LIMIT))
    .option('--all', 'every matching event, streamed')
    .option('--json', 'one JSON object per line')
    .option('--csv', 'CSV with a header (columns: docs/EXPORTS.md)')
    .action(async (opts: EventsOptions) => {
      const filter = storyFilterFromOptions(opts);
      const limit = limitFrom(opts);
      const store = await openExistingStore(opts.db);
      try {
        const out = process.stdout;
        let views: readonly StoryView[];
        let total: number;
        if (limit === null) {
          let n = 0;
          if (opts.csv) out.write(`${csvLine(STORY_CSV_COLUMNS)}\n`);
          const rows: StoryView[] = [];
          for await (const v of allStories(store, filter)) {
            n++;
            if (opts.json) out.write(`${JSON.stringify(storyJson(v))}\n`);
            else if (opts.csv) out.write(`${storyCsvRow(v)}\n`);
            else rows.push(v);
          }
          if (opts.json || opts.csv) return;
          views = rows;
          total = n;
        } else {
          const page = await store.storyPage(filter, { sort: 'date', order: 'asc', limit, offset: 0 });
          views = page.items;
          total = page.total;
          if (views.length < total) process.stderr.write(`${shownLine(views.length, total)}\n`);
        }
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
          out.write(`${views.length} of ${total} event(s); \`sitrep show EVENT\` for the evidence\n`);
        }
      } finally {
        await store.close();
      }
    });
}
