/**
 * A list of short names (aliases, tags) edited as chips: type and press Enter or comma to add,
 * Backspace in the empty field removes the last one, and every chip has its own remove button
 * with an accessible name. Text still being typed is kept by the parent (it is saved too).
 */
import type { JSX } from 'preact';

interface Props {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Text typed but not yet turned into a chip. */
  text: string;
  onText: (text: string) => void;
  /** Accessible name of each chip's remove button, e.g. 'Remove alias "X"'. */
  removeLabel: (value: string) => string;
  /** Accessible name of the chip list. */
  listLabel: string;
  inputProps?: JSX.HTMLAttributes<HTMLInputElement>;
}

/** Splits typed text into new names (empty pieces dropped) and adds the ones not there yet. */
export function addNames(values: readonly string[], text: string): string[] {
  const out = [...values];
  for (const piece of text.split(',')) {
    const name = piece.trim();
    if (name && !out.some((v) => v.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

export function ChipInput({ id, values, onChange, text, onText, removeLabel, listLabel, inputProps }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const input = e.currentTarget as HTMLInputElement;
    if ((e.key === 'Enter' || e.key === ',') && input.value.trim()) {
      // Enter adds a chip instead of submitting the form.
      e.preventDefault();
      onChange(addNames(values, input.value));
      onText('');
    } else if (e.key === 'Enter') {
      e.preventDefault();
    } else if (e.key === 'Backspace' && input.value === '' && values.length) {
      e.preventDefault();
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div class="chip-input">
      {values.length > 0 && (
        <ul class="chips" aria-label={listLabel}>
          {values.map((v) => (
            <li key={v} class="chip">
              <span>{v}</span>
              <button type="button" class="chip-remove" aria-label={removeLabel(v)} onClick={() => onChange(values.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input id={id} value={text} onInput={(e) => onText(e.currentTarget.value)} onKeyDown={onKeyDown} {...inputProps} />
    </div>
  );
}
