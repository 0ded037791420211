import type { ReactNode } from 'react';

export interface SectionProps {
  readonly title: string;
  /** Shown instead of the children when the section has nothing to draw. */
  readonly unavailable?: string | null;
  readonly aside?: ReactNode;
  readonly children?: ReactNode;
}

/** A titled card; an unavailable section says why instead of showing an empty box. */
export function Section({ title, unavailable, aside, children }: SectionProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-head">
        <h2 id={id}>{title}</h2>
        {aside ? <div className="card-aside">{aside}</div> : null}
      </header>
      {unavailable ? <p className="unavailable">{unavailable}</p> : children}
    </section>
  );
}
