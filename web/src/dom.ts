/**
 * The only way the dashboard builds DOM: elements from a tag, attributes and children, where every
 * string child becomes a text node. Data never reaches innerHTML (a test greps web/src for it), and
 * links from data pass through safeHref so a `javascript:` URL can never become clickable.
 * Depends only on ./safe-href.ts in web/src.
 */
import { safeHref } from './safe-href.js';

export { safeHref };

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined> & {
  class?: string;
  on?: never;
};

/** Create an element; attribute values are set with setAttribute (never style), children appended as text/nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'style' || k.startsWith('on')) throw new Error(`h(): attribute ${k} is not allowed`);
      if (k === 'href') {
        const safe = safeHref(String(v));
        if (safe) el.setAttribute('href', safe);
        continue;
      }
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Remove every child (used instead of `innerHTML = ''`). */
export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A link to an outside page, or plain text when the URL is not http(s). */
export function externalLink(href: string | null | undefined, text: string): HTMLElement {
  const safe = href ? safeHref(href) : null;
  if (!safe || safe.startsWith('#')) return h('span', null, text);
  return h('a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank' }, text);
}
