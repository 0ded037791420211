import type { ReactNode } from 'react';

export interface TileProps {
  readonly title: string;
  /** The headline number, beside the title. */
  readonly value?: ReactNode;
  readonly aside?: ReactNode;
  readonly wide?: boolean;
  readonly children?: ReactNode;
}

/** One glance item: a named region with its headline value on the title line. */
export function Tile({ title, value, aside, wide = false, children }: TileProps) {
  const id = `tile-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={wide ? 'tile wide' : 'tile'} aria-labelledby={id}>
      <div className="tile-head">
        <h2 id={id}>{title}</h2>
        {value !== undefined ? <span className="tile-value">{value}</span> : null}
        {aside ? <span className="tile-aside">{aside}</span> : null}
      </div>
      {children}
    </section>
  );
}
