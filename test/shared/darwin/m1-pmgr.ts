/**
 * The DVFS tables of a real M1 (MacBook Air, MacBookAir10,1): the `voltage-states*` properties of its
 * `pmgr` entry, transcribed byte for byte from the `ioreg -l` capture published at
 * https://github.com/ThomasKaiser/Knowledge/blob/master/media/ioreg-MacBookAir10.txt
 * (the capture itself is not in this repository). This firmware has no `acc-clusters` property.
 */
import { hexToBytes } from '../../../src/shared/darwin/smc-types';

const M1_PMGR_HEX: Readonly<Record<string, string>> = {
  'voltage-states0': '010000008a02000001000000c2020000010000006e030000',
  'voltage-states1': 'aaaa0100290200005f0701006102000031c00000990200003c960000f4020000077c00005b030000',
  'voltage-states1-sram': '0046c32303030000008bef390303000000b5644f2003000000fa9065770300000024067bc2030000',
  'voltage-states2': '010000007402000001000000ce0200000100000019030000',
  'voltage-states5':
    'aaaa0100480200002d350100740200006cf20000a602000060c70000b8020000aaaa0000e102000025940000f4020000e1820000130300003775000023030000336b000052030000c36200007d0300005a5c0000a6030000ad550000e8030000af520000e80300006c510000e8030000e64f0000e8030000',
  'voltage-states5-sram':
    '0046c3230d03000000475a310d0300000048f13e0d0300000049884c20030000002f68592c0300000030ff663f030000003196746103000000322d828d03000000fd558eb903000000c87e9aeb030000005d39a51d040000004319b239040000003689b83904000000a265bb390400000029f9be39040000',
  'voltage-states8':
    '00ccbf19ffffffff0053531dffffffff00dae620ffffffff0003c528ffffffff0011ec2fffffffff00ceed34ffffffff00c15d3bffffffff003b6145ffffffff00ddab49ffffffff009aad4effffffff00214152ffffffff00de4257ffffffff',
  'voltage-states9':
    '0000000090010000007b9a175402000000a4781f770200000054ea2a96020000001f1337f702000000ea3b435203000080bb2c4c93030000',
  'voltage-states11': '010000006d02000001000000db0200000100000035030000',
};

/** The pmgr properties as the native side returns them (name → raw bytes). */
export function m1Pmgr(): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(M1_PMGR_HEX).map(([k, v]) => [k, hexToBytes(v)]));
}
