/**
 * Wi-Fi on macOS reports IFT_ETHER like Ethernet (issue 18, item 10): the kind comes from the Wi-Fi
 * names the I/O Registry gives (classes IO80211Interface / IO80211SkywalkInterface). The names
 * follow the real M1 IORegistry (https://github.com/ThomasKaiser/Knowledge/blob/master/media/
 * ioreg-MacBookAir10.txt): en0 is `<class IO80211Interface>`, en1–en4 are IOEthernetInterface.
 */
import { describe, expect, it } from 'vitest';
import { normalizeDarwin } from '../../../src/core/darwin/normalize';
import type { NativeDarwinSnapshot } from '../../../src/core/darwin/native-types';
import { IFT_ETHER, darwinInterfaceKind } from '../../../src/shared/darwin/network';
import type { RawInterface } from '../../../src/shared/raw';

const IFT_LOOP = 0x18;
const IFT_OTHER = 0x1;

function itf(name: string): RawInterface {
  return {
    name,
    kind: 'other',
    up: true,
    addresses: [],
    rxBytes: 0,
    txBytes: 0,
    rxPackets: 0,
    txPackets: 0,
    rxErrors: 0,
    txErrors: 0,
    rxDrops: 0,
    txDrops: 0,
  };
}

const facts = [
  { name: 'lo0', ifType: IFT_LOOP, loopback: true },
  { name: 'en0', ifType: IFT_ETHER, loopback: false },
  { name: 'en1', ifType: IFT_ETHER, loopback: false },
  { name: 'awdl0', ifType: IFT_ETHER, loopback: false },
  { name: 'utun3', ifType: IFT_OTHER, loopback: false },
];

function snapshot(wifi?: string[]): NativeDarwinSnapshot {
  return {
    t: 1,
    mono: 1,
    network: { ok: true, value: { interfaces: facts.map((f) => itf(f.name)) } },
    darwin: { appleSilicon: true, interfaces: facts, ...(wifi ? { wifiInterfaces: wifi } : {}) },
  } as unknown as NativeDarwinSnapshot;
}

const kinds = (snap: NativeDarwinSnapshot): Record<string, string> => {
  const n = normalizeDarwin(snap).network;
  return Object.fromEntries((n?.ok ? n.value.interfaces : []).map((i) => [i.name, i.kind]));
};

describe('macOS interface kinds', () => {
  it('tells Wi-Fi (en0, IO80211Interface) from Ethernet (en1) although both are IFT_ETHER', () => {
    expect(kinds(snapshot(['en0']))).toEqual({
      lo0: 'loopback',
      en0: 'wireless',
      en1: 'ethernet',
      awdl0: 'virtual',
      utun3: 'virtual',
    });
  });

  it('falls back to the interface type where the registry was not read', () => {
    expect(kinds(snapshot())['en0']).toBe('ethernet');
    expect(darwinInterfaceKind({ name: 'en5', ifType: 0x47, loopback: false }, new Set())).toBe('wireless');
    expect(darwinInterfaceKind({ name: 'ppp0', ifType: 0x17, loopback: false }, new Set())).toBe('other');
  });
});
