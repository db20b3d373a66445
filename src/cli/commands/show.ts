/**
 * `sitrep show EVENT`: one story event with every source's evidence sentence, who said it, how
 * surely, and why each mention was merged into it; its contradictions with both sides.
 */
import type { Command } from 'commander';
import { SitrepError } from '../../core/errors.js';
import { openExistingStore } from '../../store/open-store.js';
import { storyJson } from '../../store/story-json.js';
import type { CommandResult } from '../main.js';
import { who } from './events.js';
import { dbOption } from './ingest.js';

export function registerShow(program: Command, _result: CommandResult): void {
  dbOption(
    program
      .command('show')
      .description('one event: every source’s evidence, attribution, and why the mentions were merged')
      .argument('<event>', 'event id (or an unambiguous prefix) from `sitrep events`'),
  )
    .option('--json', 'the event as one JSON object')
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      const store = await openExistingStore(opts.db);
      try {
        const view = await store.story(id);
        if (!view) {
          throw new SitrepError(
            'BAD_ARGUMENT',
            `no event '${id}' in the store (\`sitrep events\` lists them)`,
            {
              input: id,
            },
          );
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(storyJson(view), null, 2)}\n`);
          return;
        }
        const s = view.story;
        const out: string[] = [];
        out.push(`${s.id}  ${s.label}`);
        out.push(
          `  ${s.cameo} ${s.plover} · ${who(s.source_name, s.source_code)} → ${who(s.target_name, s.target_code)} · ` +
            `${s.date_from ?? '?'}${s.date_to && s.date_to !== s.date_from ? `..${s.date_to}` : ''}` +
            (s.place_name ? ` · ${s.place_name}${s.place_country ? ` (${s.place_country})` : ''}` : ''),
        );
        const outlets = JSON.parse(s.outlets) as string[];
        out.push(
          `  ${s.n_mentions} mention(s) in ${s.n_documents} document(s) · ${s.n_outlets} outlet(s)${outlets.length ? ` (${outlets.join(', ')})` : ''} · ` +
            `${s.n_sources} source(s) · first seen ${s.first_seen ?? '?'}, last seen ${s.last_seen ?? '?'}`,
        );
        out.push('', 'Mentions');
        view.mentions.forEach((m, i) => {
          const e = m.event;
          const said = e.attribution_verb
            ? `${m.speaker?.name ?? 'an unnamed source'} (${e.attribution_verb})`
            : 'the article’s own voice';
          out.push(
            `  ${i + 1}. ${e.outlet ?? 'unknown outlet'} · ${e.published ?? '?'} · ${e.doc_id.slice(0, 19)}… #${e.id} · ${e.cameo}`,
          );
          if (m.url) out.push(`     ${m.url}`);
          out.push(
            `     “${e.evidence_text.replace(/\s+/g, ' ').trim()}” [${e.evidence_start}, ${e.evidence_end})`,
          );
          out.push(
            `     per ${said} · ${e.certainty}${e.polarity === 'positive' ? '' : ` · ${e.polarity}`}` +
              (e.quantity_text ? ` · ${e.quantity_text}` : '') +
              (e.time_text ? ` · “${e.time_text}”` : ''),
          );
          const reason = JSON.parse(m.reason) as Record<string, unknown>;
          if (reason.anchor === true) out.push('     first mention: the others were compared with it');
          else {
            out.push(
              `     merged: ${reason.code}; actors ${reason.actors}; dates ${reason.dates}; ${reason.place}`,
            );
          }
        });
        if (view.contradictions.length) {
          out.push('', 'Contradictions');
          for (const c of view.contradictions) {
            out.push(`  ${c.kind}: ${c.detail}`);
            out.push(
              `     ${c.a_doc.slice(0, 19)}… #${c.a_event}  vs  ${c.b_doc.slice(0, 19)}… #${c.b_event}`,
            );
          }
        }
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
