/**
 * Addresses a feed from the internet must not make Sitrep fetch: loopback, private networks, link-
 * local (cloud metadata services live there), carrier-grade NAT, multicast and reserved ranges, in
 * IPv4 and IPv6 (IPv4-mapped IPv6 included: node's BlockList checks those against the IPv4 rules).
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
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  return v === 0 ? false : blocked.check(ip, v === 4 ? 'ipv4' : 'ipv6');
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
