/**
 * Addresses a feed from the internet must not make Sitrep fetch: loopback, private networks, link-
 * local (cloud metadata services live there), carrier-grade NAT, multicast and reserved ranges, in
 * IPv4 and IPv6, judged by parsed address class: an IPv6 that carries an IPv4 (mapped, translated,
 * NAT64, 6to4, Teredo) is judged by the IPv4 it reaches, so [::ffff:7f00:1] or [64:ff9b::7f00:1]
 * is loopback.
 * Without this, an item link to http://169.254.169.254/ or http://127.0.0.1:5432/ would be fetched
 * and its answer stored as an article. Imports node:net and node:dns only.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  // Unspecified, loopback and the deprecated IPv4-compatible form (::a.b.c.d): no public use.
  ['::', 96],
  // Discard-only, NAT64 for local use, documentation.
  ['100::', 64],
  ['64:ff9b:1::', 48],
  ['2001:db8::', 32],
  // Unique-local, link-local, the deprecated site-local and multicast.
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail read). */
export function ipv6Groups(ip: string): Uint16Array {
  const groups = new Uint16Array(8);
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  left.forEach((g, i) => {
    groups[i] = Number.parseInt(g, 16);
  });
  right.forEach((g, i) => {
    groups[8 - right.length + i] = Number.parseInt(g, 16);
  });
  return groups;
}

function ipv4Of(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/**
 * The IPv4 address an IPv6 address carries and that a packet to it would reach: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and
 * Teredo's client (2001:0::/32, the last 32 bits inverted); null for any other.
 */
export function embeddedIpv4(ip: string): string | null {
  const g = ipv6Groups(ip);
  const zeros = (from: number, to: number) => g.subarray(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Of(g[6]!, g[7]!);
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Of(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Of(g[6]!, g[7]!);
  if (g[0] === 0x2002) return ipv4Of(g[1]!, g[2]!);
  if (g[0] === 0x2001 && g[1] === 0) return ipv4Of(g[6]! ^ 0xffff, g[7]! ^ 0xffff);
  return null;
}

/** Private by address class, for IPv4 and IPv6; an IPv6 carrying an IPv4 is judged by that IPv4. */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 0) return false;
  if (v === 4) return blocked.check(ip, 'ipv4');
  if (blocked.check(ip, 'ipv6')) return true;
  const v4 = embeddedIpv4(ip);
  return v4 !== null && blocked.check(v4, 'ipv4');
}

/** Every address a host name resolves to (the literal itself for an IP). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The first private address `hostname` resolves to; null when none (or when it does not resolve). */
export async function privateAddressOf(
  hostname: string,
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host) ? host : null;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    // Unresolvable: the request itself will fail with the network's reason.
    return null;
  }
  return addresses.find(isPrivateAddress) ?? null;
}
