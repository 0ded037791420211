/**
 * Before the suite: the short Mac recording, generated from the real captures in
 * ../shared/fixtures/darwin into the ignored e2e-artifacts/ folder (the captures are never copied
 * into the repo, nor is anything derived from them committed).
 */
import { HAVE_DARWIN_FIXTURES, writeMacRecording } from './support/mac-recording';
import { MAC_RECORDING } from './support/ui';

export default function globalSetup(): void {
  if (HAVE_DARWIN_FIXTURES) writeMacRecording(MAC_RECORDING);
}
