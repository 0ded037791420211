import { SECTIONS } from '../shared/sections';

export function App() {
  return (
    <main>
      <h1>darwinmetrics</h1>
      <p>Sections: {SECTIONS.join(', ')}</p>
    </main>
  );
}
