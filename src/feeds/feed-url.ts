/**
 * What a feed or item URL is for Sitrep: only http(s) is fetched, and an item's identity is its URL
 * without fragment and tracking parameters (utm_*, fbclid, ...), so the same article linked from two
 * feeds, or twice with different campaign tags, is one item. Imports core errors only.
 */
import { createHash } from 'node:crypto';
import { SitrepError } from '../core/errors.js';

/** Query parameters that say who linked, never what is linked. */
const TRACKING =
  /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|at_medium|at_campaign|ocid|cmpid|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|sr_share|ref_src|taid)$/i;

/** The URL parsed, or a FEED_BAD_URL error when it is not an absolute http(s) URL. */
export function httpUrl(text: string, what = 'URL'): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SitrepError('FEED_BAD_URL', `${text}: not a valid ${what}`, { input: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SitrepError(
      'FEED_BAD_URL',
      `${text}: only http and https ${what}s are fetched (not ${url.protocol.replace(/:$/, '')})`,
      { input: text },
    );
  }
  if (url.username || url.password) {
    // Credentials would be stored in the feeds table and shown by `feeds list`.
    throw new SitrepError('FEED_BAD_URL', `${url.host}: a ${what} with a user name or password is refused`, {
      input: url.host,
    });
  }
  return url;
}

/**
 * The item identity: fragment and tracking parameters dropped, host lower-cased (URL does that),
 * default port gone; the order of the remaining parameters is kept (it can matter to the server).
 */
export function normaliseItemUrl(text: string): string {
  const url = httpUrl(text, 'item URL');
  url.hash = '';
  const keep = [...url.searchParams].filter(([k]) => !TRACKING.test(k));
  url.search = '';
  for (const [k, v] of keep) url.searchParams.append(k, v);
  return url.toString();
}

/** A feed's stable id: the first 12 hex digits of the SHA-256 of its URL (prefixes work as ids). */
export function feedIdOf(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}
