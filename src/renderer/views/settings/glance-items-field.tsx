import type { GlanceItem, Settings } from '../../../shared/ipc';
import { glanceTitle } from '../../../shared/glance-title';
import { GLANCE_ITEMS } from '../../../shared/settings';
import { GLANCE_ITEM_LABELS } from '../../lib/labels';
import { useApp } from '../../store/use-app';

export interface GlanceItemsFieldProps {
  readonly settings: Settings;
  readonly disabled: boolean;
  readonly onApply: (items: readonly GlanceItem[]) => void;
}

/** The chosen items first, in their order, then the others. */
function ordered(chosen: readonly GlanceItem[]): GlanceItem[] {
  return [...chosen, ...GLANCE_ITEMS.filter((i) => !chosen.includes(i))];
}

function move(items: readonly GlanceItem[], item: GlanceItem, by: -1 | 1): GlanceItem[] {
  const out = [...items];
  const i = out.indexOf(item);
  const j = i + by;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** What the menu bar shows: items to switch on and order, and a live preview of the title. */
export function GlanceItemsField({ settings, disabled, onApply }: GlanceItemsFieldProps) {
  const latest = useApp((s) => s.latest);
  const chosen = settings.glanceItems;
  const preview = latest ? glanceTitle(latest, chosen, settings.temperatureUnit) : '';
  return (
    <fieldset>
      <legend>Menu bar</legend>
      <p className="fine" id="glance-help">
        Tick what the menu bar shows; the arrows set the order (the top item comes first, on the left).
      </p>
      <p className="menu-preview" aria-live="polite">
        <span className="fine">Preview</span>{' '}
        <output aria-label="Menu-bar title preview">
          {preview || (chosen.length === 0 ? 'the icon alone' : 'nothing to show yet')}
        </output>
      </p>
      <ol className="glance-items" aria-describedby="glance-help">
        {ordered(chosen).map((item) => {
          const on = chosen.includes(item);
          const at = chosen.indexOf(item);
          return (
            <li key={item}>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={disabled}
                  onChange={(e) =>
                    onApply(e.target.checked ? [...chosen, item] : chosen.filter((g) => g !== item))
                  }
                />
                {GLANCE_ITEM_LABELS[item]}
              </label>
              {on ? (
                <span className="order-buttons">
                  <button
                    type="button"
                    className="secondary icon"
                    disabled={disabled || at === 0}
                    aria-label={`Move ${GLANCE_ITEM_LABELS[item]} up`}
                    onClick={() => onApply(move(chosen, item, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary icon"
                    disabled={disabled || at === chosen.length - 1}
                    aria-label={`Move ${GLANCE_ITEM_LABELS[item]} down`}
                    onClick={() => onApply(move(chosen, item, 1))}
                  >
                    ↓
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
