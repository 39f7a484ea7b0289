import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../src/core/calendar/feedAddress';

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['8.8.8.8', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['[2a00:1450:400f:80d::200e]', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[0:0:0:0:0:0:0:1]', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.255.1.2', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'mapped'],
    ['[::ffff:7f00:1]', 'mapped'],
    ['::ffff:8.8.8.8', 'mapped'],
    ['::127.0.0.1', 'mapped'],
    ['64:ff9b::7f00:1', 'mapped'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['224.0.0.251', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['1:2:3:4:5:6:7:8:9', 'reserved'],
    ['1::2::3', 'reserved'],
    ['::ffff:300.1.1.1', 'reserved'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each(['localhost', 'calendar.example.com', '256.1.1.1', '1.2.3', ''])('%s is a name, not an address', (text) => {
    expect(classifyAddress(text)).toBeNull();
  });
});
