// The macOS GPU client decoder. Vectors have the shapes `ioreg -c AGXDeviceUserClient` prints on
// Apple Silicon (AppUsage entries per API) and the client-level counter Intel drivers keep, as
// described in https://github.com/htop-dev/htop/pull/1855 and
// https://github.com/wieslawsoltes/ActivityMonitor/pull/7 (GPU time in ns, as Activity Monitor shows).
import { describe, expect, it } from 'vitest';
import { clientGpuTimeNs, creatorPid, gpuClientsFromRegistry } from '../../../src/shared/darwin/gpu-clients';

describe('creatorPid', () => {
  it.each([
    ['pid 440, WindowServer', 440],
    ['pid 31299, voxel_game_examp', 31299],
    [' pid 7, a, b, c', 7],
  ])('%s → %d', (text, pid) => expect(creatorPid(text)).toBe(pid));
  it.each([['WindowServer'], ['pid , x'], ['pid 99999999999, huge'], [42], [undefined]])(
    'rejects %s',
    (text) => expect(creatorPid(text)).toBeUndefined(),
  );
});

describe('clientGpuTimeNs', () => {
  it('sums the AppUsage entries (Apple Silicon)', () => {
    const props = {
      AppUsage: [
        { API: 'Metal', lastSubmittedTime: 3062414094833, accumulatedGPUTime: 38738170958 },
        { API: 'Metal', lastSubmittedTime: 2864548123916, accumulatedGPUTime: 76336458 },
      ],
    };
    expect(clientGpuTimeNs(props)).toBe(38738170958 + 76336458);
  });
  it('takes the client-level counter where the driver keeps one (Intel, AMD)', () => {
    expect(clientGpuTimeNs({ accumulatedGPUTime: 123632000000, AppUsage: [] })).toBe(123632000000);
  });
  it('is 0 for a client with no usage yet, and unknown without either key', () => {
    expect(clientGpuTimeNs({ AppUsage: [] })).toBe(0);
    expect(clientGpuTimeNs({ CommandQueueCount: 1 })).toBeUndefined();
  });
  it('ignores malformed entries instead of inventing time', () => {
    expect(
      clientGpuTimeNs({ AppUsage: [null, 'x', { accumulatedGPUTime: -5 }, { accumulatedGPUTime: 10 }] }),
    ).toBe(10);
  });
});

describe('gpuClientsFromRegistry', () => {
  it('makes one client per user client, keyed by registry entry id, and drops those naming no pid', () => {
    const clients = gpuClientsFromRegistry([
      {
        class: 'AGXDeviceUserClient',
        IOUserClientCreator: 'pid 444, runningboardd',
        AppUsage: [],
        registryEntryID: 4294978940,
      },
      {
        class: 'AGXDeviceUserClient',
        IOUserClientCreator: 'pid 440, WindowServer',
        AppUsage: [{ API: 'Metal', accumulatedGPUTime: 38738170958 }],
        registryEntryID: 4294978941,
      },
      { class: 'AGXDeviceUserClient', AppUsage: [{ accumulatedGPUTime: 5 }] },
      'not a dictionary',
    ]);
    expect(clients).toEqual([
      expect.objectContaining({ pid: 444, clientId: '4294978940', driver: 'AGXDeviceUserClient' }),
      expect.objectContaining({ pid: 440, clientId: '4294978941' }),
    ]);
    expect(clients[1]?.engines).toEqual([
      { name: 'gpu', busyNs: 38738170958, cycles: NaN, totalCycles: NaN, capacity: 1, percent: NaN },
    ]);
    expect(clients[1]?.memoryBytes).toBeNaN();
  });
});
