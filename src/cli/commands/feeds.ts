/**
 * `sitrep feeds add URL [--every 15m] [--outlet NAME]`, `sitrep feeds list [--json]` and
 * `sitrep feeds remove URL|ID`: the feeds `sitrep scheduler` polls, kept in the store.
 */
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { DEFAULT_EVERY_SECONDS, formatDuration, parseDuration } from '../../feeds/duration.js';
import { feedIdOf, httpUrl } from '../../feeds/feed-url.js';
import { openStore } from '../../store/open-store.js';
import type { CommandResult } from '../main.js';
import { formatTable } from './events.js';
import { dbOption } from './ingest.js';

export function registerFeeds(program: Command, _result: CommandResult): void {
  const feeds = program
    .command('feeds')
    .description('the feeds `sitrep scheduler` polls (add, list, remove)');

  dbOption(
    feeds
      .command('add')
      .description('add an RSS, Atom or JSON feed to poll')
      .argument('<url>', 'the feed URL (http or https)'),
  )
    .option('--every <duration>', 'polling interval: 30s, 15m, 1h, 1d (at least 30s)', '15m')
    .option('--outlet <name>', "the outlet's name for the articles (default: the page's or the feed's)")
    .action(async (url: string, opts: { db?: string; every: string; outlet?: string }) => {
      let parsed: URL;
      try {
        parsed = httpUrl(url, 'feed URL');
      } catch (err) {
        // A bad argument here (usage, exit 2), not a feed that failed.
        throw new SitrepError('BAD_ARGUMENT', (err as Error).message, { input: url });
      }
      const every = opts.every ? parseDuration(opts.every) : DEFAULT_EVERY_SECONDS;
      const outlet = opts.outlet?.trim() || null;
      if (outlet && outlet.length > 200) {
        throw new SitrepError('BAD_ARGUMENT', '--outlet: at most 200 characters');
      }
      const store = await openStore(opts.db);
      try {
        const feed = await store.addFeed({
          id: feedIdOf(parsed.href),
          url: parsed.href,
          outlet,
          everySeconds: every,
          now: new Date().toISOString(),
        });
        process.stdout.write(
          `added feed ${feed.id} ${feed.url} (every ${formatDuration(every)}${outlet ? `, outlet ${outlet}` : ''}); \`sitrep scheduler\` polls it\n`,
        );
      } finally {
        await store.close();
      }
    });

  dbOption(feeds.command('list').description('the feeds, with their last poll and its outcome'))
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(opts.db);
      try {
        const rows = await store.listFeeds();
        if (opts.json) {
          for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        if (rows.length === 0) {
          process.stdout.write('no feeds: add one with `sitrep feeds add URL`\n');
          return;
        }
        process.stdout.write(
          `${formatTable(
            ['ID', 'URL', 'OUTLET', 'EVERY', 'LAST POLL', 'STATUS', 'ITEMS', 'LAST ERROR'],
            rows.map((r) => [
              r.id,
              r.url,
              r.outlet ?? '',
              formatDuration(r.every_seconds),
              r.last_poll_at ? r.last_poll_at.slice(0, 19).replace('T', ' ') : 'never',
              r.last_status
                ? `${r.last_status}${r.consecutive_failures > 1 ? ` x${r.consecutive_failures}` : ''}`
                : '',
              `${r.items_new} new / ${r.items_seen}`,
              (r.last_error ?? '').replace(/\s+/g, ' ').slice(0, 120),
            ]),
          )}\n`,
        );
      } finally {
        await store.close();
      }
    });

  dbOption(
    feeds
      .command('remove')
      .description('stop polling a feed (the articles it brought stay)')
      .argument('<url-or-id>', 'the feed URL, its id or an id prefix'),
  ).action(async (which: string, opts: { db?: string }) => {
    const store = await openStore(opts.db);
    try {
      // A URL as typed may differ from the stored one only by what URL parsing normalises.
      let feed = await store.findFeed(which);
      if (!feed && /^https?:\/\//i.test(which)) feed = await store.findFeed(httpUrl(which, 'feed URL').href);
      if (!feed || !(await store.removeFeed(feed.id))) {
        throw new SitrepError('BAD_ARGUMENT', `${which}: no such feed (\`sitrep feeds list\` shows them)`, {
          input: which,
        });
      }
      process.stdout.write(`removed feed ${feed.id} ${feed.url}\n`);
    } finally {
      await store.close();
    }
  });
}
