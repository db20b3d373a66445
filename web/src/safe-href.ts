/**
 * The one gate for links that come from data: http(s) URLs and in-app hash links pass, everything
 * else (javascript:, data:, relative paths) does not. Kept free of the DOM so Node tests can import it.
 */

/** In-app hash links are allowed as is; external links only when http(s). Anything else: no link. */
export function safeHref(href: string): string | null {
  if (href.startsWith('#')) return href;
  try {
    const u = new URL(href, 'http://invalid.example/');
    if ((u.protocol === 'http:' || u.protocol === 'https:') && /^https?:\/\//i.test(href.trim()))
      return u.href;
  } catch {
    // An unparsable URL is shown as text by the caller.
  }
  return null;
}
