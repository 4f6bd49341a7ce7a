import { Show } from "solid-js";

export const COUNT_MAX = 100;

const clamp = (n: number) => Math.min(COUNT_MAX, Math.max(0, Math.trunc(n)));

export interface CounterProps {
  id: string;
  label: string;
  /** "un courrier", for the buttons' accessible names ("Ajouter un courrier"). */
  one: string;
  value: number;
  onValue: (value: number) => void;
  error?: string;
  /** Takes the focus when its dialog opens. */
  autofocus?: boolean;
  /** The +/− buttons stay out of the Tab order (the mail desk: the number itself takes + and −). */
  quick?: boolean;
}

/**
 * A number from 0 to 100 with − and + beside it. In the field, the arrow keys and the + and − keys
 * change it, digits replace it (the text is selected on focus).
 */
export function Counter(props: CounterProps) {
  const set = (n: number) => props.onValue(clamp(Number.isFinite(n) ? n : 0));
  const step = (delta: number) => set(props.value + delta);
  return (
    <div class="counter-field" classList={{ "field--invalid": Boolean(props.error) }}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <div class="counter-field__controls">
        <button
          type="button"
          class="counter-field__step"
          aria-label={`Retirer ${props.one}`}
          aria-controls={props.id}
          aria-disabled={props.value <= 0 ? "true" : undefined}
          tabindex={props.quick ? -1 : undefined}
          onClick={() => step(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={props.id}
          type="number"
          inputmode="numeric"
          min="0"
          max={COUNT_MAX}
          step="1"
          value={props.value}
          data-autofocus={props.autofocus ? "" : undefined}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={props.error ? `${props.id}-erreur` : undefined}
          onFocus={(e) => e.currentTarget.select()}
          onInput={(e) => set(e.currentTarget.value === "" ? 0 : Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            if (e.key === "+" || e.key === "-") {
              e.preventDefault();
              step(e.key === "+" ? 1 : -1);
            }
          }}
        />
        <button
          type="button"
          class="counter-field__step"
          aria-label={`Ajouter ${props.one}`}
          aria-controls={props.id}
          aria-disabled={props.value >= COUNT_MAX ? "true" : undefined}
          tabindex={props.quick ? -1 : undefined}
          onClick={() => step(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-erreur`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
