/**
 * Story events as GDELT 2.0 event records: its 61 columns in its order (GDELT 2.0 Event Codebook,
 * V2.0, 2015), tab-separated, so scripts written for GDELT's export files read Sitrep's. Fields
 * Sitrep does not know (religion, ethnic and type codes, AvgTone, actor geography, FIPS geo
 * codes) are left empty; ActionGeo holds the story's place with ISO alpha-3 country codes (GDELT
 * writes FIPS there). Imports the Goldstein table and store types only.
 */
import { goldsteinOf } from '../data/goldstein.js';
import type { StoryView } from '../store/store.js';

export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...(['Actor1', 'Actor2'] as const).flatMap((a) => [
    `${a}Code`,
    `${a}Name`,
    `${a}CountryCode`,
    `${a}KnownGroupCode`,
    `${a}EthnicCode`,
    `${a}Religion1Code`,
    `${a}Religion2Code`,
    `${a}Type1Code`,
    `${a}Type2Code`,
    `${a}Type3Code`,
  ]),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...(['Actor1Geo', 'Actor2Geo', 'ActionGeo'] as const).flatMap((g) => [
    `${g}_Type`,
    `${g}_FullName`,
    `${g}_CountryCode`,
    `${g}_ADM1Code`,
    `${g}_ADM2Code`,
    `${g}_Lat`,
    `${g}_Long`,
    `${g}_FeatureID`,
  ]),
  'DATEADDED',
  'SOURCEURL',
] as const;

/** A tab or newline inside a value would shift every later column: GDELT files have no quoting. */
function cell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** The story as one GDELT 2.0 record; `n` is its running number (GLOBALEVENTID is an integer). */
export function gdeltEventValues(view: StoryView, n: number): Record<string, unknown> {
  const s = view.story;
  const date = s.date_from ? s.date_from.replaceAll('-', '') : '';
  const year = date.slice(0, 4);
  const day = s.date_from ? Number(s.date_from.slice(5, 7)) * 30 + Number(s.date_from.slice(8, 10)) - 30 : 0;
  const g = goldsteinOf(s.cameo);
  const url = view.mentions.find((m) => m.url)?.url ?? null;
  const actor = (side: 'source' | 'target') => ({
    Code: s[`${side}_code`],
    Name: s[`${side}_name`]?.toUpperCase(),
    CountryCode: s[`${side}_country`],
  });
  const a1 = actor('source');
  const a2 = actor('target');
  return {
    GLOBALEVENTID: n,
    SQLDATE: date,
    MonthYear: date.slice(0, 6),
    Year: year,
    // GDELT's FractionDate: year + day-of-year / 365 (its month*30+day approximation).
    FractionDate: s.date_from ? (Number(year) + day / 365).toFixed(4) : '',
    Actor1Code: a1.Code,
    Actor1Name: a1.Name,
    Actor1CountryCode: a1.CountryCode,
    Actor2Code: a2.Code,
    Actor2Name: a2.Name,
    Actor2CountryCode: a2.CountryCode,
    IsRootEvent: 1,
    EventCode: s.cameo,
    EventBaseCode: s.cameo.slice(0, 3),
    EventRootCode: s.root,
    QuadClass: g?.quad,
    GoldsteinScale: g?.goldstein.toFixed(1),
    NumMentions: s.n_mentions,
    NumSources: s.n_outlets,
    NumArticles: s.n_documents,
    ActionGeo_FullName: s.place_name,
    ActionGeo_CountryCode: s.place_country,
    ActionGeo_Lat: s.place_lat,
    ActionGeo_Long: s.place_lon,
    DATEADDED: s.first_seen ? `${s.first_seen.replaceAll('-', '')}000000` : '',
    SOURCEURL: url,
  };
}

export function gdeltEventLine(view: StoryView, n: number): string {
  const v = gdeltEventValues(view, n);
  return GDELT_EVENT_COLUMNS.map((c) => cell(v[c])).join('\t');
}
