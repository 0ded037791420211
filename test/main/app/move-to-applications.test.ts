// The first-run offer to move the app into /Applications, with a fake app.
import { describe, expect, it } from 'vitest';
import { MOVE_MESSAGE, offerMoveToApplications } from '../../../src/main/app/move-to-applications';
import type { MoveDeps } from '../../../src/main/app/move-to-applications';

function deps(over: Partial<MoveDeps> & { answer?: boolean; moveThrows?: boolean } = {}) {
  const log: string[] = [];
  const d: MoveDeps = {
    platform: 'darwin',
    isPackaged: true,
    isInApplicationsFolder: () => false,
    moveToApplicationsFolder: () => {
      log.push('move');
      if (over.moveThrows) throw new Error('Cannot move: a copy is running');
      return true;
    },
    ask: async (message) => (log.push(`ask:${message}`), over.answer ?? true),
    onError: (what) => void log.push(`error:${what}`),
    ...over,
  };
  return { d, log };
}

describe('offerMoveToApplications', () => {
  it('asks once and moves when the app runs outside /Applications', async () => {
    const f = deps();
    expect(await offerMoveToApplications(f.d)).toBe(true);
    expect(f.log).toEqual([`ask:${MOVE_MESSAGE}`, 'move']);
  });

  it('stays put when the user says not now', async () => {
    const f = deps({ answer: false });
    expect(await offerMoveToApplications(f.d)).toBe(false);
    expect(f.log).toEqual([`ask:${MOVE_MESSAGE}`]);
  });

  it('says nothing in /Applications, in development, or on Linux', async () => {
    for (const over of [
      { isInApplicationsFolder: () => true },
      { isPackaged: false },
      { platform: 'linux' as const },
    ]) {
      const f = deps(over);
      expect(await offerMoveToApplications(f.d)).toBe(false);
      expect(f.log).toEqual([]);
    }
  });

  it('keeps running and reports it when the move fails', async () => {
    const f = deps({ moveThrows: true });
    expect(await offerMoveToApplications(f.d)).toBe(false);
    expect(f.log).toEqual([`ask:${MOVE_MESSAGE}`, 'move', 'error:move to Applications']);
  });
});
