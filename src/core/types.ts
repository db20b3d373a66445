/**
 * The document model: one verbatim text and layers of annotations, each a span into that text.
 * Imports nothing. Offsets are JavaScript string indices (UTF-16 code units), half-open [start, end),
 * and `text === doc.text.slice(start, end)` holds for every span. Dates are ISO 8601 calendar dates
 * (YYYY-MM-DD); intervals are inclusive.
 */

/** A half-open range of the document text, with the text it covers. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Provenance carried by every annotation: which stage made it and which rule or data row fired. */
export interface Provenance {
  /** Stage name and version, e.g. `times@2`. */
  readonly by: string;
  /** The pattern id or data row that produced the annotation, e.g. `weekday-past` or `actors.tsv:PRK`. */
  readonly rule: string;
}

export interface DocumentMeta {
  readonly title: string | null;
  /** Publication date (YYYY-MM-DD), the reference for every relative time expression. */
  readonly published: string | null;
  /** Where `published` came from: metadata, the text, the command line, or nowhere. */
  readonly publishedFrom: 'cli' | 'metadata' | 'filename' | 'text' | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly language: string;
}

export interface Sentence extends Span {
  readonly index: number;
  /** Index of the paragraph (blank-line separated block) the sentence is in. */
  readonly paragraph: number;
}

/** A word as UD English (EWT) segments it, with its tags from the syntax models (src/nlp). */
export interface Token extends Span {
  readonly index: number;
  /** Universal part-of-speech tag (UD v2): NOUN, PROPN, VERB, AUX, ADP, DET, PRON, NUM, PUNCT, ... */
  readonly pos: string;
  /** Penn Treebank tag as UD English uses it: NN, NNP, VBD, VBN, MD, IN, ... */
  readonly xpos: string;
  /** Lower-cased form, contractions spelt out (`n't` → `not`, `'re` → `are`, `ca` → `can`). */
  readonly normal: string;
  /** The lemma as UD English writes it: lower-cased, except proper nouns and `I`, which keep their case. */
  readonly lemma: string;
  readonly sentence: number;
  /** Whitespace follows the token in the text. */
  readonly spaceAfter: boolean;
}

/**
 * The dependency parse of every sentence (UD v2 basic trees), indexed like the tokens layer:
 * token i's head is token `heads[i]` (a document-wide token index, -1 for a sentence's root) and
 * `deprels[i]` its relation with subtype (`nsubj:pass`, `obl:agent`, `nmod:poss`). Read it through
 * `src/nlp/tree.ts`, never by walking the indices in stage code.
 */
export interface Syntax {
  readonly heads: readonly number[];
  readonly deprels: readonly string[];
}

export type ActorKind = 'country' | 'person' | 'organization' | 'group' | 'other';

export interface ActorMention extends Span {
  /** How the mention was recognised: a name, an alias, a metonym (capital), a demonym, a title, a pronoun, a surname, ... */
  readonly via:
    | 'name'
    | 'alias'
    | 'metonym'
    | 'demonym'
    | 'acronym'
    | 'surname'
    | 'pronoun'
    | 'title'
    | 'definite';
  readonly rule: string;
}

export interface Actor extends Provenance {
  readonly id: string;
  /** Canonical name ("North Korea", "Sabrina Singh"). */
  readonly name: string;
  readonly kind: ActorKind;
  /** ISO 3166-1 alpha-3 for states; the usual acronym for international organisations (NATO, EU, UN). */
  readonly code: string | null;
  /** CAMEO actor code where one applies ("USAMIL", "IGOWSTNAT"). */
  readonly cameo: string | null;
  /** The state or organisation the actor belongs to (alpha-3 or organisation acronym). */
  readonly country: string | null;
  /** Titles as the text (or the office-holder list for the article's date) gives them. */
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  /** Every mention, coreference resolved, in text order. */
  readonly mentions: readonly ActorMention[];
}

export interface TimeExpression extends Span, Provenance {
  readonly id: string;
  /** TIMEX3 type. */
  readonly type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3-style value: 2024-10-28, 2024-W43, 2024-06, P3Y, FUTURE_REF, ... */
  readonly value: string;
  /** Resolved inclusive interval; null where open or unknown. */
  readonly from: string | null;
  readonly to: string | null;
  /** The expression points after the publication date (open future intervals included). */
  readonly future: boolean;
}

export interface Place extends Span, Provenance {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-3 of the country the place is in. */
  readonly country: string | null;
  readonly admin1: string | null;
  /** 'country' | 'admin1' | 'city' | 'region' (curated news regions: Donbas, Gaza Strip, ...). */
  readonly featureClass: 'country' | 'admin1' | 'city' | 'region';
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonames: number | null;
  /** How precisely the place locates what happened there, as ACLED's `geo_precision`: 1 town, 2 region, 3 country. */
  readonly precision?: 1 | 2 | 3;
  /**
   * The text uses the name as a location: a locative word before it ("in Russia", "to the Kursk
   * region"), "-based" after it, a region word ("Kursk region") or a place after it and a comma ("Mobile,
   * Alabama"). False for names used as actors or modifiers ("Russia said", "Texas Department of ...").
   */
  readonly locative?: boolean;
}

export interface Quantity extends Span, Provenance {
  readonly id: string;
  readonly value: number;
  /** Canonical plural unit: troops, people, missiles, dollars, tonnes, kilometres, ... or null for bare counts. */
  readonly unit: string | null;
  readonly approximate: boolean;
  /** 'about' | 'up to' | 'more than' | 'at least' | 'nearly' | null: what the text states of the bound. */
  readonly qualifier: string | null;
}

export interface Quote extends Span, Provenance {
  readonly id: string;
  /** Actor id of the speaker, or null. */
  readonly speaker: string | null;
}

export type Certainty = 'asserted' | 'likely' | 'believed' | 'possible' | 'planned' | 'conditional';
export type Polarity = 'positive' | 'negative' | 'unconfirmed';

/** Reported speech: a cue ("said", "according to") linking a source to the content it reports. */
export interface Attribution extends Provenance {
  readonly id: string;
  /** Actor id of the source, or null when the source is not a known actor. */
  readonly speaker: string | null;
  /** The source's words in the text ("the U.S. Pentagon", "Ms. Singh"). */
  readonly source: Span | null;
  /** The cue: "said", "according to", "told reporters". */
  readonly cue: Span;
  /** Lemma of the reporting verb: say, tell, confirm, deny, claim, ... */
  readonly verb: string;
  /** The reported content. */
  readonly content: Span;
  /** For nested attribution ("the statement said, the agency reported"): the id of the outer attribution. */
  readonly outer: string | null;
  /** What the cue says of the content: "claimed", "believes" → believed; else asserted. */
  readonly certainty?: Certainty;
  /** "denied" → negative; "stopped short of confirming", "declined to confirm" → unconfirmed. */
  readonly polarity?: Polarity;
}

export interface EventRecord extends Provenance {
  readonly id: string;
  /** CAMEO code, 2 to 4 digits; the root is its first two. */
  readonly cameo: string;
  /** PLOVER event type (AID, MOBILIZE, CONSULT, AGREE, ACCUSE, REJECT, THREATEN, ...). */
  readonly plover: string;
  readonly label: string;
  readonly source: string | null;
  readonly target: string | null;
  readonly time: string | null;
  readonly place: string | null;
  readonly quantity: string | null;
  readonly attribution: { speaker: string | null; verb: string; start: number; end: number } | null;
  readonly certainty: Certainty;
  readonly polarity: Polarity;
  readonly evidence: Span;
  /** Further statements of the same event in the same article. */
  readonly alsoEvidence: readonly Span[];
  readonly trigger: Span;
}

/** Every layer a stage can provide, by name. */
export interface Layers {
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  syntax: Syntax;
  actors: readonly Actor[];
  times: readonly TimeExpression[];
  places: readonly Place[];
  quantities: readonly Quantity[];
  quotes: readonly Quote[];
  attributions: readonly Attribution[];
  events: readonly EventRecord[];
}

export type LayerName = keyof Layers;

/** An immutable document: the verbatim text, its metadata and the layers stages have attached. */
export interface SitrepDocument<L extends LayerName = never> {
  /** `sha256:` of the normalised text: the same article gives the same id. */
  readonly id: string;
  readonly text: string;
  readonly meta: DocumentMeta;
  readonly layers: Readonly<Pick<Layers, L>> & Readonly<Partial<Layers>>;
}
