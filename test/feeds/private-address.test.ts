import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embeddedIpv4, isPrivateAddress, privateAddressOf } from '../../src/feeds/private-address.js';

describe('private addresses by parsed class', () => {
  it('IPv6 forms that carry a private IPv4 are private: mapped, compatible, translated, NAT64, 6to4, Teredo', () => {
    for (const ip of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::127.0.0.1',
      '::7f00:1',
      '::ffff:0:7f00:1',
      '64:ff9b::7f00:1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2002:c0a8:101::1',
      // Teredo: the client's IPv4 is the last 32 bits inverted (127.0.0.1 here).
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
    ]) {
      assert.equal(isPrivateAddress(ip), true, ip);
    }
    assert.equal(embeddedIpv4('64:ff9b::7f00:1'), '127.0.0.1');
    assert.equal(embeddedIpv4('2002:c0a8:101::1'), '192.168.1.1');
  });
  it('IPv6 local classes are private: unspecified, loopback, unique-local, link-local, site-local, multicast', () => {
    for (const ip of [
      '::',
      '::1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'febf::1',
      'fec0::1',
      'feff::1',
      'ff02::1',
      '64:ff9b:1::1',
      '2001:db8::1',
    ]) {
      assert.equal(isPrivateAddress(ip), true, ip);
    }
  });
  it('public addresses stay public, in every form', () => {
    for (const ip of [
      '8.8.8.8',
      '93.184.216.34',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
      '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
    ]) {
      assert.equal(isPrivateAddress(ip), false, ip);
    }
  });
  it('a host name resolving to a NAT64 form of loopback is private', async () => {
    assert.equal(await privateAddressOf('rebind.test', async () => ['64:ff9b::7f00:1']), '64:ff9b::7f00:1');
    assert.equal(await privateAddressOf('[fec0::1]'), 'fec0::1');
  });
});
