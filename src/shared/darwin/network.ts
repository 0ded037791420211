/**
 * The kind of a macOS network interface, from the facts the native side reads
 * (native/src/darwin/network.cc and wifi.cc). Wi-Fi interfaces report IFT_ETHER like Ethernet, so
 * the interface type alone would call Wi-Fi "ethernet": the Wi-Fi names come from the I/O Registry
 * (classes IO80211Interface / IO80211SkywalkInterface), as the IORegistry of a real M1 shows en0
 * (https://github.com/ThomasKaiser/Knowledge/blob/master/media/ioreg-MacBookAir10.txt).
 */
import type { InterfaceKind } from '../raw';

export interface DarwinInterfaceFacts {
  readonly name: string;
  /** if_data ifi_type (<net/if_types.h>). */
  readonly ifType: number;
  /** IFF_LOOPBACK */
  readonly loopback: boolean;
}

/** <net/if_types.h>: IFT_ETHER (Ethernet CSMA/CD) and IFT_IEEE80211 (radio spread spectrum). */
export const IFT_ETHER = 0x6;
export const IFT_IEEE80211 = 0x47;

/**
 * Name prefixes of the links macOS creates in software: tunnels (utun, gif, stf), bridges,
 * Apple Wireless Direct Link and low-latency WLAN (awdl, llw), the access-point and AP-NI
 * interfaces (ap, anpi), and virtualization (vmenet, feth).
 */
const VIRTUAL_PREFIXES = ['utun', 'gif', 'stf', 'bridge', 'awdl', 'llw', 'anpi', 'ap', 'vmenet', 'feth'];

/** `wifi` is the set of Wi-Fi BSD names; undefined when it could not be read (then IFT_ETHER is "ethernet"). */
export function darwinInterfaceKind(
  facts: DarwinInterfaceFacts,
  wifi: ReadonlySet<string> | undefined,
): InterfaceKind {
  if (facts.loopback) return 'loopback';
  if (VIRTUAL_PREFIXES.some((p) => facts.name.startsWith(p))) return 'virtual';
  if (wifi?.has(facts.name) === true || facts.ifType === IFT_IEEE80211) return 'wireless';
  if (facts.ifType === IFT_ETHER) return 'ethernet';
  return 'other';
}
