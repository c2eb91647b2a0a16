// One question on the page, after GOV.UK's patterns: radios and checkboxes in a fieldset with the question as
// its legend, a select for long lists, a textarea with a character count; the error message inside.
import { h } from '../common/dom';
import type { Language } from '../common/language';
import { NOT_APPLICABLE, toggleOption, type Answer, type Answers, type Instrument, type Item } from './model';
import { fill, TEXTS } from './texts';

/** Above this many options a single choice is a select, not a column of radios (the municipality list). */
const RADIO_LIMIT = 12;

export interface QuestionContext {
  instrument: Instrument;
  language: Language;
  answers: Answers;
  /** Messages by item id, in the respondent's language. */
  errors: Map<string, string>;
  change(itemId: string, answer: Answer | undefined): void;
}

const text = (value: Record<string, string> | undefined, language: Language) =>
  value ? value[language] ?? value.en ?? Object.values(value)[0] ?? '' : '';

/** The id of the control that an error summary's link and a label point at. */
export const controlId = (itemId: string) => `q-${itemId}`;

export function question(item: Item, context: QuestionContext): HTMLElement {
  const { language } = context;
  const texts = TEXTS[language];
  const error = context.errors.get(item.id);
  const hintId = item.help ? `${controlId(item.id)}-hint` : undefined;
  const errorId = error ? `${controlId(item.id)}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const label = [text(item.label, language), item.required ? '' : ` ${texts.optional}`].join('');
  const hint = item.help ? h('p', { class: 'hint', id: hintId }, text(item.help, language)) : null;
  const errorMessage = error
    ? h('p', { class: 'error-message', id: errorId }, h('span', { class: 'visually-hidden' }, `${texts.errorPrefix} `), error)
    : null;
  const wrapperClass = `question${error ? ' question--error' : ''}`;

  if (item.type === 'text') {
    return h('div', { class: wrapperClass, id: `item-${item.id}`, 'data-item': item.id },
      h('label', { class: 'question-label', for: controlId(item.id) }, label), hint, errorMessage,
      textArea(item, context, describedBy));
  }
  if (item.type === 'single' && (item.options?.length ?? 0) > RADIO_LIMIT) {
    return h('div', { class: wrapperClass, id: `item-${item.id}`, 'data-item': item.id },
      h('label', { class: 'question-label', for: controlId(item.id) }, label), hint, errorMessage,
      select(item, context, describedBy));
  }
  return h('div', { class: wrapperClass, id: `item-${item.id}`, 'data-item': item.id },
    h('fieldset', { 'aria-describedby': describedBy },
      h('legend', { class: 'question-label' }, label), hint, errorMessage,
      item.type === 'multiple' ? checkboxes(item, context) : radios(item, context)));
}

interface Choice { value: string; label: string; divided?: boolean }

function choicesOf(item: Item, instrument: Instrument, language: Language): Choice[] {
  switch (item.type) {
    case 'scale': {
      const scale = instrument.scales[item.scale ?? ''];
      const points: Choice[] = (scale?.points ?? []).map((point) => ({ value: String(point.value), label: text(point.label, language) }));
      if (scale?.notApplicable) points.push({ value: NOT_APPLICABLE, label: text(scale.notApplicable, language), divided: true });
      return points;
    }
    case 'yes_no':
      return [
        { value: 'true', label: text(instrument.yesNoLabels?.yes, language) },
        { value: 'false', label: text(instrument.yesNoLabels?.no, language) },
      ];
    default:
      return (item.options ?? []).map((option) => ({ value: option.code, label: text(option.label, language),
        divided: option.exclusive === true }));
  }
}

/** The stored answer as the value of a radio or option, and back. */
function encode(answer: Answer | undefined): string | undefined {
  return answer === undefined || answer === null || Array.isArray(answer) ? undefined : String(answer);
}

function decode(item: Item, value: string): Answer {
  if (item.type === 'yes_no') return value === 'true';
  if (item.type === 'scale') return value === NOT_APPLICABLE ? NOT_APPLICABLE : Number(value);
  return value;
}

function radios(item: Item, context: QuestionContext): HTMLElement {
  const current = encode(context.answers[item.id]);
  const choices = choicesOf(item, context.instrument, context.language);
  return h('div', { class: 'radios' }, choices.flatMap((choice, index) => [
    choice.divided ? h('p', { class: 'choice-divider' }, TEXTS[context.language].or) : null,
    h('div', { class: 'choice' },
      h('input', {
        type: 'radio', class: 'choice-input', name: controlId(item.id), value: choice.value,
        id: index === 0 ? controlId(item.id) : `${controlId(item.id)}-${index}`,
        checked: choice.value === current,
        onchange: () => context.change(item.id, decode(item, choice.value)),
      }),
      h('label', { class: 'choice-label', for: index === 0 ? controlId(item.id) : `${controlId(item.id)}-${index}` }, choice.label)),
  ]));
}

function checkboxes(item: Item, context: QuestionContext): HTMLElement {
  const answer = context.answers[item.id];
  const selected = Array.isArray(answer) ? answer : [];
  const choices = choicesOf(item, context.instrument, context.language);
  const group = h('div', { class: 'checkboxes' });
  choices.forEach((choice, index) => {
    const id = index === 0 ? controlId(item.id) : `${controlId(item.id)}-${index}`;
    if (choice.divided) group.appendChild(h('p', { class: 'choice-divider' }, TEXTS[context.language].or));
    group.appendChild(h('div', { class: 'choice' },
      h('input', {
        type: 'checkbox', class: 'choice-input', name: controlId(item.id), value: choice.value, id,
        checked: selected.includes(choice.value),
        onchange: (event: Event) => {
          const now = Array.isArray(context.answers[item.id]) ? context.answers[item.id] as string[] : [];
          const next = toggleOption(item, now, choice.value, (event.target as HTMLInputElement).checked);
          // an exclusive choice ("none") clears the others on screen too
          group.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((box) => { box.checked = next.includes(box.value); });
          context.change(item.id, next.length > 0 ? next : undefined);
        },
      }),
      h('label', { class: 'choice-label', for: id }, choice.label)));
  });
  return group;
}

function select(item: Item, context: QuestionContext, describedBy: string | undefined): HTMLElement {
  const current = encode(context.answers[item.id]) ?? '';
  const choices = choicesOf(item, context.instrument, context.language);
  return h('select', {
    id: controlId(item.id), class: 'select', name: controlId(item.id), 'aria-describedby': describedBy,
    onchange: (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      context.change(item.id, value === '' ? undefined : decode(item, value));
    },
  },
  h('option', { value: '', selected: current === '' }, TEXTS[context.language].chooseOne),
  choices.map((choice) => h('option', { value: choice.value, selected: choice.value === current }, choice.label)));
}

function textArea(item: Item, context: QuestionContext, describedBy: string | undefined): HTMLElement {
  const texts = TEXTS[context.language];
  const limit = item.maxLength ?? 500;
  const countId = `${controlId(item.id)}-count`;
  const current = typeof context.answers[item.id] === 'string' ? context.answers[item.id] as string : '';
  // visible count updates as one types; the screen-reader copy is updated after a pause, not on every key
  const visible = h('p', { class: 'hint character-count', 'aria-hidden': 'true' });
  const spoken = h('p', { class: 'visually-hidden', id: countId, 'aria-live': 'polite' });
  let pause: ReturnType<typeof setTimeout> | undefined;
  const count = (value: string, speak: boolean) => {
    const left = limit - value.length;
    const message = left >= 0 ? fill(texts.charactersLeft, { count: left }) : fill(texts.charactersOver, { count: -left });
    visible.textContent = message;
    visible.classList.toggle('character-count--over', left < 0);
    clearTimeout(pause);
    if (speak) pause = setTimeout(() => { spoken.textContent = message; }, 1000);
    else spoken.textContent = message;
  };
  const area = h('textarea', {
    id: controlId(item.id), class: 'textarea', name: controlId(item.id), rows: 5, spellcheck: 'true',
    'aria-describedby': [describedBy, countId].filter(Boolean).join(' '),
    oninput: (event: Event) => {
      const value = (event.target as HTMLTextAreaElement).value;
      count(value, true);
      context.change(item.id, value === '' ? undefined : value);
    },
  });
  area.value = current;
  count(current, false);
  return h('div', { class: 'character-count-group' }, area, visible, spoken);
}
