import type { View } from '../store/types';

/** Hash routes, so the same files work from file://, app:// and http:// (`#/popover`, `#/dashboard`). */
export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (name === 'dashboard' || name === 'settings') return name;
  return 'popover';
}
