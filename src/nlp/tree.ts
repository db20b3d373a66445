/**
 * Named questions over the dependency parse, so stage code reads "subject of", "object of",
 * "governing verb", "is negated" instead of walking head indices (spaCy's token.head / children).
 * Token indices are document-wide, as in the tokens layer. Built once per document (children lists
 * in two flat arrays); every question is bounded by the sentence it is asked in.
 */
import type { Syntax, Token } from '../core/types.js';

/** Relations that start a clause of their own (its head is a predicate). */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis', 'list']);
const SUBJECTS = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'nsubj:outer', 'expl']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nor', 'neither']);
const PREDICATE_POS = new Set(['VERB', 'AUX']);

/** The universal part of a relation: `nsubj:pass` → `nsubj`. */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

export class DependencyTree {
  readonly tokens: readonly Token[];
  readonly syntax: Syntax;
  /** Children of token i: childIndex[childStart[i] .. childStart[i+1]) in text order. */
  private readonly childStart: Int32Array;
  private readonly childIndex: Int32Array;

  constructor(tokens: readonly Token[], syntax: Syntax) {
    this.tokens = tokens;
    this.syntax = syntax;
    const n = tokens.length;
    const counts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const h = syntax.heads[i]!;
      if (h >= 0) counts[h + 1]!++;
    }
    for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
    this.childStart = counts;
    const fill = counts.slice(0, n);
    this.childIndex = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = syntax.heads[i]!;
      if (h >= 0) this.childIndex[fill[h]!++] = i;
    }
  }

  /** The head of token i, or -1 for a root. */
  head(i: number): number {
    return this.syntax.heads[i] ?? -1;
  }

  /** The full relation of token i to its head (`nsubj:pass`). */
  deprel(i: number): string {
    return this.syntax.deprels[i] ?? 'dep';
  }

  /** The universal relation of token i (`nsubj` for `nsubj:pass`). */
  relation(i: number): string {
    return baseRelation(this.deprel(i));
  }

  /** Token i's dependents in text order. */
  children(i: number): readonly number[] {
    const out: number[] = [];
    for (let k = this.childStart[i]!; k < this.childStart[i + 1]!; k++) out.push(this.childIndex[k]!);
    return out;
  }

  /** Dependents of i whose full relation is one of `deprels` (or whose base relation is, for a bare name). */
  childrenWith(i: number, ...deprels: string[]): number[] {
    const out: number[] = [];
    for (let k = this.childStart[i]!; k < this.childStart[i + 1]!; k++) {
      const c = this.childIndex[k]!;
      const d = this.deprel(c);
      if (deprels.includes(d) || (d.includes(':') && deprels.includes(baseRelation(d)))) out.push(c);
    }
    return out;
  }

  /** i itself and the words coordinated with it ("Russia and China": both). */
  conjuncts(i: number): number[] {
    const out = [i];
    for (let k = 0; k < out.length && k < 64; k++) out.push(...this.childrenWith(out[k]!, 'conj'));
    return out;
  }

  /** The word a conjunct hangs off ("signed" in "met and signed" → "met"), or i when none. */
  firstConjunct(i: number): number {
    let at = i;
    for (let guard = 0; guard < 64 && this.relation(at) === 'conj' && this.head(at) >= 0; guard++)
      at = this.head(at);
    return at;
  }

  /**
   * The subject(s) of predicate v: its nsubj/nsubj:pass/csubj, else the subject of the predicate it
   * is coordinated with ("X met Y and signed ..."), else, for an xcomp, the controller ("X agreed to
   * send": X sends; "X urged Y to send": Y sends).
   */
  subjectsOf(v: number): number[] {
    const own = this.childrenWith(v, ...SUBJECTS).filter((c) => this.deprel(c) !== 'expl');
    if (own.length > 0) return own.flatMap((s) => this.conjuncts(s));
    const rel = this.relation(v);
    const h = this.head(v);
    if (h < 0) return [];
    if (rel === 'conj') return this.subjectsOf(this.firstConjunct(v));
    if (rel === 'xcomp') {
      const objects = this.childrenWith(h, 'obj', 'iobj');
      return objects.length > 0 ? objects.flatMap((o) => this.conjuncts(o)) : this.subjectsOf(h);
    }
    // A relative clause's missing subject is the noun it modifies ("troops who crossed").
    if (this.deprel(v) === 'acl:relcl' || rel === 'acl') return [h];
    return [];
  }

  /** The direct and indirect objects of v, coordination included. */
  objectsOf(v: number): number[] {
    return this.childrenWith(v, 'obj', 'iobj').flatMap((o) => this.conjuncts(o));
  }

  /** The agent of a passive ("was attacked by Russia" → Russia). */
  agentOf(v: number): number[] {
    return this.childrenWith(v, 'obl:agent').flatMap((o) => this.conjuncts(o));
  }

  /** The passive voice: a passive subject or a passive auxiliary. */
  isPassive(v: number): boolean {
    return this.childrenWith(v, 'nsubj:pass', 'csubj:pass', 'aux:pass').length > 0;
  }

  /** The preposition (or case marker) of a nominal ("on" in "the attack on Kharkiv"), lower-cased. */
  caseOf(n: number): string | null {
    const c = this.childrenWith(n, 'case');
    return c.length > 0 ? this.tokens[c[0]!]!.normal : null;
  }

  /** Obliques and nominal modifiers of i with their preposition: [{ word, case }]. */
  obliquesOf(i: number): { word: number; prep: string | null }[] {
    const out: { word: number; prep: string | null }[] = [];
    for (const c of this.children(i)) {
      const rel = this.relation(c);
      if (rel !== 'obl' && rel !== 'nmod') continue;
      if (this.deprel(c) === 'obl:agent' || this.deprel(c) === 'nmod:poss') continue;
      for (const w of this.conjuncts(c)) out.push({ word: w, prep: this.caseOf(c) });
    }
    return out;
  }

  /** The possessor of a noun ("Russia's attack" → Russia). */
  possessorOf(n: number): number[] {
    return this.childrenWith(n, 'nmod:poss').flatMap((p) => this.conjuncts(p));
  }

  /** The nearest predicate at or above i (a verb or auxiliary, or a clause head), or -1. */
  governingVerb(i: number): number {
    let at = this.head(i);
    for (let guard = 0; at >= 0 && guard < 256; guard++) {
      if (PREDICATE_POS.has(this.tokens[at]!.pos) || CLAUSAL.has(this.relation(at))) return at;
      at = this.head(at);
    }
    return -1;
  }

  /** The head of the clause token i is in: the nearest ancestor-or-self that heads a clause. */
  clauseOf(i: number): number {
    let at = i;
    for (let guard = 0; guard < 256; guard++) {
      const rel = this.relation(at);
      if (CLAUSAL.has(rel) || this.deprel(at) === 'acl:relcl') return at;
      if (rel === 'conj' && PREDICATE_POS.has(this.tokens[at]!.pos)) return at;
      const h = this.head(at);
      if (h < 0) return at;
      at = h;
    }
    return at;
  }

  /** A negator attached to predicate v ("did not attack", "never met"). */
  isNegated(v: number): boolean {
    for (const c of this.children(v)) {
      const rel = this.relation(c);
      if ((rel === 'advmod' || rel === 'det' || rel === 'cc') && NEGATORS.has(this.tokens[c]!.normal))
        return true;
    }
    return false;
  }

  /** Lower-cased auxiliaries and modals of v, in text order ("could", "have", "been"). */
  auxiliariesOf(v: number): string[] {
    return this.childrenWith(v, 'aux', 'aux:pass', 'cop').map((a) => this.tokens[a]!.normal);
  }

  /** The subordinating word of a clause ("if", "unless", "that", "whether"), lower-cased. */
  markerOf(v: number): string | null {
    const m = this.childrenWith(v, 'mark');
    return m.length > 0 ? this.tokens[m[0]!]!.normal : null;
  }

  /** Token range [first, last] of i's subtree (projective parses make it contiguous). */
  subtreeRange(i: number): [number, number] {
    let first = i;
    let last = i;
    const stack = [i];
    for (let guard = 0; stack.length > 0 && guard < 4096; guard++) {
      const at = stack.pop()!;
      if (at < first) first = at;
      if (at > last) last = at;
      for (let k = this.childStart[at]!; k < this.childStart[at + 1]!; k++) stack.push(this.childIndex[k]!);
    }
    return [first, last];
  }

  /** True when `ancestor` is i or dominates i. */
  dominates(ancestor: number, i: number): boolean {
    let at = i;
    for (let guard = 0; at >= 0 && guard < 256; guard++) {
      if (at === ancestor) return true;
      at = this.head(at);
    }
    return false;
  }

  /** The root of token i's sentence. */
  rootOf(i: number): number {
    let at = i;
    for (let guard = 0; guard < 256 && this.head(at) >= 0; guard++) at = this.head(at);
    return at;
  }
}
