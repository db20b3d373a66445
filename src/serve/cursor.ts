/**
 * Opaque list cursors. A cursor encodes the offset of the next page (base64url JSON), so clients
 * treat it as a token and the server may change what it holds without breaking them. Offset
 * paging is enough here: story lists are rebuilt wholesale by each merge pass, so a key-set cursor
 * would not survive one either. Imports nothing.
 */

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** The offset in a cursor, or null when it is not one this server made. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const o = (v as { o?: unknown } | null)?.o;
    return typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}

/** The `next` cursor of a page: null when the page reached the end. */
export function nextCursor(offset: number, returned: number, limit: number, total?: number): string | null {
  const end = offset + returned;
  if (returned < limit) return null;
  if (total !== undefined && end >= total) return null;
  return encodeCursor(end);
}
