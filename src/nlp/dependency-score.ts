/**
 * Attachment scores of a dependency parse against gold over the same words (gold tokenisation), as
 * the CoNLL 2018 shared task's conll18_ud_eval.py defines them: UAS compares heads, LAS heads and
 * the universal part of the relation (before ':'), both over every word, punctuation included. CLAS
 * is LAS restricted to content relations: recall over gold words whose relation is a content one,
 * precision over system words whose relation is, F1 of the two (function words — aux, case, cc,
 * clf, cop, det, mark — and punct are outside the script's content list). `fullLas` also compares
 * subtypes (`nsubj:pass` ≠ `nsubj`), which the shared task does not, but events need.
 * Accumulate sentence by sentence with `DependencyTally`.
 */

/** conll18_ud_eval.py's CONTENT_DEPRELS. */
export const CONTENT_RELATIONS: ReadonlySet<string> = new Set([
  'nsubj',
  'obj',
  'iobj',
  'csubj',
  'ccomp',
  'xcomp',
  'obl',
  'vocative',
  'expl',
  'dislocated',
  'advcl',
  'advmod',
  'discourse',
  'nmod',
  'appos',
  'nummod',
  'acl',
  'amod',
  'conj',
  'fixed',
  'flat',
  'compound',
  'list',
  'parataxis',
  'orphan',
  'goeswith',
  'reparandum',
  'root',
  'dep',
]);

/** `nsubj:pass` → `nsubj`. */
export function universalRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

export interface DependencyScores {
  readonly words: number;
  readonly uas: number;
  readonly las: number;
  /** LAS with the full relation, subtypes included. */
  readonly fullLas: number;
  readonly clas: number;
  readonly clasPrecision: number;
  readonly clasRecall: number;
}

export interface HeadsAndRelations {
  /** 1-based head per word, 0 = root. */
  readonly heads: ArrayLike<number>;
  readonly deprels: readonly string[];
}

export class DependencyTally {
  private words = 0;
  private unlabelled = 0;
  private labelled = 0;
  private full = 0;
  private goldContent = 0;
  private systemContent = 0;
  private contentCorrect = 0;

  /** Adds one sentence; gold and system must cover the same words. */
  add(gold: HeadsAndRelations, system: HeadsAndRelations): void {
    const n = gold.deprels.length;
    if (system.deprels.length !== n || system.heads.length !== n || gold.heads.length !== n) {
      throw new Error(`dependency score: gold has ${n} words, system ${system.deprels.length}`);
    }
    for (let i = 0; i < n; i++) {
      const goldRel = universalRelation(gold.deprels[i]!);
      const sysRel = universalRelation(system.deprels[i]!);
      const headOk = gold.heads[i] === system.heads[i];
      const goldIsContent = CONTENT_RELATIONS.has(goldRel);
      this.words++;
      if (goldIsContent) this.goldContent++;
      if (CONTENT_RELATIONS.has(sysRel)) this.systemContent++;
      if (!headOk) continue;
      this.unlabelled++;
      if (goldRel !== sysRel) continue;
      this.labelled++;
      if (goldIsContent) this.contentCorrect++;
      if (gold.deprels[i] === system.deprels[i]) this.full++;
    }
  }

  scores(): DependencyScores {
    const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
    const p = ratio(this.contentCorrect, this.systemContent);
    const r = ratio(this.contentCorrect, this.goldContent);
    return {
      words: this.words,
      uas: ratio(this.unlabelled, this.words),
      las: ratio(this.labelled, this.words),
      fullLas: ratio(this.full, this.words),
      clas: ratio(2 * this.contentCorrect, this.goldContent + this.systemContent),
      clasPrecision: p,
      clasRecall: r,
    };
  }
}
