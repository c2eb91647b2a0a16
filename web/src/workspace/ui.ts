// The page's shell and the pieces every view uses: rendering a schema's fields, the error summary, notices.
import { h } from '../common/dom';
import type { Language } from '../common/language';
import type { FieldError } from './api';
import { controlId, fieldLabel, type Field, type LocalError } from './schema-form';
import { t, tKey } from './texts';

export interface FormState {
  values: Record<string, string>;
  /** Error codes by pointer. */
  errors: Map<string, string>;
}

/** The message for a field error's code, in the language (the server's English message is for developers). */
export function errorText(language: Language, code: string): string {
  return tKey(language, `err_${code}`, 'err_other');
}

export function errorsByPointer(errors: (FieldError | LocalError)[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const error of errors) if (!map.has(error.pointer)) map.set(error.pointer, error.code);
  return map;
}

/** The controls of a schema's fields, filled from `state`; `onInput` hears every change. */
export function renderFields(fields: Field[], state: FormState, language: Language,
  onInput: (pointer: string, value: string) => void, optionLabel: (value: string) => string = (value) => value): HTMLElement[] {
  return fields.map((field) => {
    const label = fieldLabel(field, language);
    if (field.kind === 'group') {
      return h('div', { class: 'question group' },
        h('fieldset', {},
          h('legend', { class: 'question-label' }, label),
          renderFields(field.children, state, language, onInput, optionLabel)));
    }
    const id = controlId(field.pointer);
    const code = state.errors.get(field.pointer);
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const hint = field.kind === 'text' && field.maxLength && field.multiline ? t(language, 'maxChars', field.maxLength) : undefined;
    const described = [hint ? hintId : '', code ? errorId : ''].filter(Boolean).join(' ') || undefined;
    const value = state.values[field.pointer] ?? '';
    const listen = (event: Event) => onInput(field.pointer, (event.target as HTMLInputElement).value);
    const common = { id, name: field.pointer, 'aria-describedby': described, 'aria-invalid': code ? 'true' : undefined,
      required: field.required, oninput: listen, onchange: listen };
    let control: HTMLElement;
    if (field.kind === 'integer') {
      control = h('input', { ...common, class: 'input number-input', type: 'number', inputmode: 'numeric', step: 1,
        min: field.min, max: field.max, value });
    } else if (field.kind === 'choice') {
      control = h('select', { ...common, class: 'select' },
        h('option', { value: '' }, '—'),
        field.options.map((option) => h('option', { value: option, selected: option === value }, optionLabel(option))));
    } else if (field.multiline) {
      control = h('textarea', { ...common, class: 'textarea', rows: 5 }, value);
    } else {
      control = h('input', { ...common, class: 'input', value,
        type: field.format === 'date' ? 'date' : field.format === 'uri' ? 'url' : 'text',
        spellcheck: field.format ? 'false' : undefined });
    }
    return h('div', { class: `question${code ? ' question--error' : ''}` },
      h('label', { class: 'question-label', for: id }, label, field.required ? '' : ''),
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
      code ? h('p', { class: 'error-message', id: errorId },
        h('span', { class: 'visually-hidden' }, `${t(language, 'errorPrefix')} `), errorText(language, code)) : null,
      control);
  });
}

/** GOV.UK's error summary: focused, with a link to every field in error. */
export function errorSummary(language: Language, errors: Map<string, string>, labelOf: (pointer: string) => string): HTMLElement {
  return h('div', { class: 'error-summary', role: 'alert', tabindex: -1, 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, t(language, 'errorTitle')),
    h('ul', {}, [...errors].map(([pointer, code]) => h('li', {},
      h('a', { href: `#${controlId(pointer)}`, onclick: (event: Event) => {
        event.preventDefault();
        document.getElementById(controlId(pointer))?.focus();
      } }, `${labelOf(pointer)}: ${errorText(language, code)}`)))));
}

export function notice(kind: 'success' | 'waiting' | 'info', ...children: (Node | string)[]): HTMLElement {
  return h('div', { class: `notice ${kind === 'info' ? '' : kind}`, role: kind === 'info' ? undefined : 'status', tabindex: -1 }, ...children);
}

/** Shows a value of a report in a table cell. */
export function shown(language: Language, value: unknown): string {
  return value === undefined || value === null || value === '' ? t(language, 'empty') : String(value);
}

export function focusFirst(root: ParentNode, selector: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  element?.focus();
}
