/**
 * The wink-nlp instance of the tokens stage, made to read every document as a fresh instance would.
 *
 * Why: wink's cache adds each out-of-vocabulary word it meets to the model's lexeme hash, and its
 * tokenizer asks that hash whether a string is a known word before splitting it. So a document's
 * tokens depended on the documents read before it in the same process: once any article had "FBI's"
 * as one token, every later "FBI's" stayed whole instead of "FBI" + "'s" (measured: ingesting 1,000
 * AllSides articles in another order changed 2 documents, one from 83 events to 28). Extraction must
 * not depend on the order or the thread an article lands on.
 *
 * How: before each document, the words the previous one added are unlinked from the lexeme hash
 * (wink adds them again, under new indexes, when it meets them again; its other tables stay
 * consistent because every add appends). Re-adding grows those tables with each document, so the
 * instance is rebuilt from the model every REBUILD_EVERY documents (~200 ms each time).
 * Depends on wink-nlp and its English model only.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export type WinkNlp = ReturnType<typeof winkNLP>;

const REBUILD_EVERY = 2000;

/** The part of wink's loaded model this module touches (wink-eng-lite-web-model 1.8: `core()`). */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

interface Session {
  readonly nlp: WinkNlp;
  /** Starts a document: forgets the words the previous document added. */
  begin(): void;
  documents: number;
}

function createSession(): Session {
  let lexeme: LexemeTable | null = null;
  const core = (model as unknown as { core(): { features: { lexeme: LexemeTable } } }).core;
  // Keep a handle on the model wink loads: its lexeme table is where wink's cache adds new words.
  const isolated = {
    ...model,
    core() {
      const loaded = core();
      lexeme = loaded.features.lexeme;
      return loaded;
    },
  };
  const nlp = winkNLP(isolated as unknown as typeof model, ['sbd', 'pos']);
  if (!lexeme)
    throw new Error('wink-nlp did not load its model through core(): the tokens stage needs updating');
  const table: LexemeTable = lexeme;
  let seen = table.list.length;
  return {
    nlp,
    documents: 0,
    begin() {
      // Unlink the words added since the last document from the hash; their rows stay in wink's
      // append-only tables, so a word met again is added again under a new index, as in a fresh instance.
      const list = table.list;
      for (let i = seen; i < list.length; i++) {
        const word = list[i]!;
        if (table.hash[word] === i) delete table.hash[word];
      }
      seen = list.length;
      this.documents++;
    },
  };
}

let session: Session | null = null;

/**
 * The instance to read the next document with. Only sentence boundaries and part of speech are run:
 * wink's own entity, negation and sentiment passes nearly halve its speed (measured 1,727 vs 958 BBC
 * articles/s) and the later stages do that work with our own data.
 */
export function winkForDocument(): WinkNlp {
  if (!session || session.documents >= REBUILD_EVERY) session = createSession();
  session.begin();
  return session.nlp;
}
