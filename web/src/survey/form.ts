// The survey form as the respondent goes through it: an introduction, one page per section, then a receipt.
// State lives in `progress`, saved on the device after every change; the address (#page-N) follows the page
// so the browser's back button works.
import { h, replace } from '../common/dom';
import { languageSwitch } from '../common/language-switch';
import { isLanguage, LANGUAGES, rememberLanguage, type Language } from '../common/language';
import {
  itemOfPointer, sectionErrors, sectionOfItem, submissionBody, isAsked,
  type Answer, type FieldError, type Instrument, type Receipt, type Submission,
} from './model';
import { localProgressStore, newSubmissionId, type Progress, type ProgressStore } from './progress';
import { controlId, question } from './questions';
import { sendOnce, sendUntilAnswered } from './submit';
import { fill, TEXTS, type ErrorCode } from './texts';

export interface FormOptions {
  apiBase: string;
  instrumentId: string;
  storage: Storage | undefined;
  language: Language;
}

type Answering = Extract<Progress, { stage: 'answering' }>;
type View = { kind: 'loading' } | { kind: 'load-failed' } | { kind: 'page' } | { kind: 'sending'; waiting: boolean }
  | { kind: 'receipt'; receipt: Receipt };

export class SurveyForm {
  private readonly store: ProgressStore;
  private language: Language;
  private instrument: Instrument | undefined;
  private progress: Progress | undefined;
  private errors: FieldError[] = [];
  private refusal: string | undefined;
  private view: View = { kind: 'loading' };
  private wakeUp: (() => void) | undefined;

  constructor(private readonly root: HTMLElement, private readonly options: FormOptions) {
    this.store = localProgressStore(options.storage);
    this.language = options.language;
  }

  async start(): Promise<void> {
    window.addEventListener('popstate', () => this.followAddress());
    this.progress = this.store.load(this.options.instrumentId);
    const progress = this.progress;
    if (progress?.stage === 'submitted') {
      this.show({ kind: 'receipt', receipt: progress.receipt });
      return;
    }
    if (progress?.stage === 'submitting') {
      // a submission was waiting for its receipt when the page closed: send it again, same id, same body
      void this.loadInstrument(progress.version);
      await this.send(progress.body);
      return;
    }
    this.show({ kind: 'loading' });
    if (await this.loadInstrument(progress?.version)) this.followAddress();
  }

  private async loadInstrument(version?: number): Promise<boolean> {
    const base = `${this.options.apiBase}/v1/instruments/${encodeURIComponent(this.options.instrumentId)}`;
    try {
      // same-origin, as the page's preload asks: the cached answer is used, and no cookie goes to another host
      let response = await fetch(version ? `${base}/versions/${version}` : base, { credentials: 'same-origin' });
      if (version && response.status === 404) {
        // the version begun on is gone: start on the current one
        this.store.clear(this.options.instrumentId);
        this.progress = undefined;
        response = await fetch(base, { credentials: 'same-origin' });
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.instrument = await response.json() as Instrument;
      const offered = this.instrument.languages.filter((language): language is Language => isLanguage(language));
      // a version without the chosen language is shown in its first one
      if (offered.length > 0 && !offered.includes(this.language)) this.language = offered[0];
      return true;
    } catch {
      if (this.view.kind === 'loading') this.show({ kind: 'load-failed' });
      return false;
    }
  }

  // ------------------------------------------------------------------ navigation

  private get pages(): number {
    return this.instrument?.sections.length ?? 0;
  }

  /** Shows the page the address names (#page-N), or the introduction. */
  private followAddress(): void {
    if (!this.instrument || this.progress?.stage === 'submitting' || this.progress?.stage === 'submitted') return;
    const match = /^#page-(\d+)$/.exec(location.hash);
    const page = match ? Number(match[1]) : 0;
    if (page >= 1 && page <= this.pages && this.progress?.stage === 'answering') {
      this.goTo(page, false);
    } else {
      this.showIntroduction();
    }
  }

  private showIntroduction(): void {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    this.show({ kind: 'page' }, 0);
  }

  private answering(): Answering {
    if (this.progress?.stage === 'answering') return this.progress;
    const instrument = this.instrument!;
    const fresh: Answering = { stage: 'answering', instrumentId: instrument.id, version: instrument.version,
      language: this.language, page: 1, answers: {} };
    this.progress = fresh;
    return fresh;
  }

  private goTo(page: number, push = true): void {
    const progress = this.answering();
    progress.page = page;
    this.store.save(progress);
    if (push && location.hash !== `#page-${page}`) history.pushState(null, '', `#page-${page}`);
    this.show({ kind: 'page' }, page);
  }

  private startAgain(): void {
    if (!window.confirm(TEXTS[this.language].confirmStartAgain)) return;
    this.store.clear(this.options.instrumentId);
    this.progress = undefined;
    this.errors = [];
    this.refusal = undefined;
    this.showIntroduction();
  }

  // ------------------------------------------------------------------ answering

  private change(itemId: string, answer: Answer | undefined): void {
    const progress = this.answering();
    if (answer === undefined) delete progress.answers[itemId];
    else progress.answers[itemId] = answer;
    this.store.save(progress);
    // skip logic as one answers: questions that now apply appear, the others are hidden (and not sent)
    this.root.querySelectorAll<HTMLElement>('[data-item]').forEach((element) => {
      const item = this.instrument!.sections.flatMap((section) => section.items).find((it) => it.id === element.dataset.item);
      if (item) element.hidden = !isAsked(item, progress.answers);
    });
  }

  private continueFrom(page: number): void {
    const progress = this.answering();
    const section = this.instrument!.sections[page - 1];
    const onThisPage = new Set(section.items.map((item) => item.id));
    const local = sectionErrors(section, progress.answers);
    this.errors = [...local, ...this.errors.filter((error) => !onThisPage.has(itemOfPointer(error.pointer) ?? ''))];
    this.refusal = undefined;
    if (local.length > 0) {
      this.show({ kind: 'page' }, page, 'errors');
      return;
    }
    if (page < this.pages) {
      this.goTo(page + 1);
    } else {
      const body = submissionBody(this.instrument!, newSubmissionId(), this.language, progress.answers);
      void this.send(body);
    }
  }

  // ------------------------------------------------------------------ submitting

  private async send(body: Submission): Promise<void> {
    const previous = this.progress;
    const answers = previous && previous.stage !== 'submitted' ? previous.answers : {};
    const page = previous && previous.stage !== 'submitted' ? previous.page : 1;
    this.progress = { stage: 'submitting', instrumentId: this.options.instrumentId, version: body.instrumentVersion,
      language: this.language, page, answers, body };
    this.store.save(this.progress);
    this.show({ kind: 'sending', waiting: false });
    const outcome = await sendUntilAnswered(() => sendOnce(this.options.apiBase, this.options.instrumentId, body), {
      waiting: () => this.show({ kind: 'sending', waiting: true }),
      online: () => new Promise((resolve) => {
        this.wakeUp = () => resolve();
        window.addEventListener('online', () => resolve(), { once: true });
      }),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    if (outcome.kind === 'stored') {
      // the answers leave the device: only the receipt stays, for a reload of this page
      this.progress = { stage: 'submitted', instrumentId: this.options.instrumentId, version: body.instrumentVersion,
        language: this.language, receipt: outcome.receipt };
      this.store.save(this.progress);
      history.replaceState(null, '', location.pathname + location.search);
      this.show({ kind: 'receipt', receipt: outcome.receipt });
      return;
    }
    // refused: back to answering, at the first question the server named
    this.progress = { stage: 'answering', instrumentId: this.options.instrumentId, version: body.instrumentVersion,
      language: this.language, page, answers };
    this.store.save(this.progress);
    this.errors = outcome.errors;
    this.refusal = outcome.errors.length === 0 ? outcome.problem?.title ?? `HTTP ${outcome.status}` : undefined;
    if (!this.instrument && !(await this.loadInstrument(body.instrumentVersion))) return;
    const first = outcome.errors.map((error) => itemOfPointer(error.pointer)).find((id) => id !== undefined);
    const target = first ? sectionOfItem(this.instrument!, first) + 1 : this.pages;
    this.goTo(target > 0 ? target : this.pages);
    this.show({ kind: 'page' }, target > 0 ? target : this.pages, 'errors');
  }

  // ------------------------------------------------------------------ rendering

  private show(view: View, page = this.progress?.stage === 'answering' ? this.progress.page : 0,
    focus: 'heading' | 'errors' | 'keep' = 'heading'): void {
    this.view = view;
    const texts = TEXTS[this.language];
    document.documentElement.lang = this.language;
    const title = this.instrument ? this.instrument.title[this.language] ?? texts.serviceName : texts.serviceName;
    const header = h('header', { class: 'site' }, h('div', { class: 'page' },
      h('p', { class: 'site-name' }, title),
      languageSwitch(this.language, texts.languageSwitch, (language) => this.switchLanguage(language),
        LANGUAGES.filter((language) => this.instrument?.languages.includes(language) ?? true))));
    const main = h('div', {});
    let heading = '';
    switch (view.kind) {
      case 'loading':
        heading = texts.loading;
        main.append(h('h1', { tabindex: '-1' }, texts.loading));
        break;
      case 'load-failed':
        heading = texts.loadFailed;
        main.append(h('h1', { tabindex: '-1' }, texts.loadFailed),
          h('button', { type: 'button', class: 'button', onclick: () => void this.start() }, texts.tryAgain));
        break;
      case 'sending':
        heading = texts.sending;
        main.append(h('h1', { tabindex: '-1' }, texts.sending), h('div', { role: 'status', 'aria-live': 'polite' },
          view.waiting ? h('div', { class: 'notice waiting' }, h('p', {}, texts.waiting),
            h('button', { type: 'button', class: 'button secondary', onclick: () => this.wakeUp?.() }, texts.retryNow)) : null));
        break;
      case 'receipt':
        heading = texts.receiptTitle;
        main.append(this.receipt(view.receipt));
        break;
      case 'page':
        heading = page === 0 ? title : this.instrument!.sections[page - 1].title[this.language] ?? '';
        main.append(...(page === 0 ? this.introduction() : this.sectionPage(page)));
        break;
    }
    document.title = `${this.errors.length > 0 && view.kind === 'page' && page > 0 ? `${texts.errorPrefix} ` : ''}${heading} – ${title}`;
    replace(this.root, header, h('main', { id: 'main', class: 'page', tabindex: '-1' }, main), this.footer());
    if (focus === 'errors' && this.root.querySelector('.error-summary')) {
      (this.root.querySelector('.error-summary') as HTMLElement).focus();
    } else if (focus === 'heading') {
      this.root.querySelector<HTMLElement>('h1')?.focus();
      window.scrollTo(0, 0);
    }
  }

  private switchLanguage(language: Language): void {
    this.language = language;
    rememberLanguage(this.options.storage, language);
    if (this.progress && this.progress.stage !== 'submitted') {
      this.progress.language = language;
      this.store.save(this.progress);
    }
    this.show(this.view, undefined, 'keep');
    this.root.querySelector<HTMLElement>(`.language-switch button[lang="${language}"]`)?.focus();
  }

  private introduction(): Node[] {
    const texts = TEXTS[this.language];
    const instrument = this.instrument!;
    const begun = this.progress?.stage === 'answering' && Object.keys(this.progress.answers).length > 0;
    return [
      h('h1', { tabindex: '-1' }, instrument.title[this.language] ?? ''),
      instrument.introduction ? h('p', {}, instrument.introduction[this.language] ?? '') : null,
      this.privacy(true),
      h('p', { class: 'hint' }, texts.keptOnDevice),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', onclick: () => this.goTo(begun ? this.answering().page : 1) },
          begun ? texts.resume : texts.start),
        begun ? h('button', { type: 'button', class: 'link-button', onclick: () => this.startAgain() }, texts.startAgain) : null),
    ].filter((node): node is HTMLElement => node !== null);
  }

  private sectionPage(page: number): Node[] {
    const texts = TEXTS[this.language];
    const instrument = this.instrument!;
    const section = instrument.sections[page - 1];
    const progress = this.answering();
    const messages = new Map<string, string>();
    for (const error of this.errors) {
      const itemId = itemOfPointer(error.pointer);
      if (itemId && !messages.has(itemId)) messages.set(itemId, this.message(error));
    }
    const questions = section.items.map((item) => {
      const element = question(item, { instrument, language: this.language, answers: progress.answers, errors: messages,
        change: (id, answer) => this.change(id, answer) });
      element.hidden = !isAsked(item, progress.answers);
      return element;
    });
    const last = page === this.pages;
    const form = h('form', { novalidate: true, onsubmit: (event: Event) => { event.preventDefault(); this.continueFrom(page); } },
      questions,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button' }, last ? texts.submit : texts.continue),
        h('button', { type: 'button', class: 'button secondary', onclick: () => (page > 1 ? this.goTo(page - 1) : this.showIntroduction()) },
          texts.back)));
    return [
      h('span', { class: 'caption' }, fill(texts.pageOf, { page, pages: this.pages })),
      h('progress', { class: 'pages', max: this.pages, value: page, 'aria-hidden': 'true' }),
      this.errorSummary(),
      h('h1', { tabindex: '-1' }, section.title[this.language] ?? ''),
      form,
      h('p', {}, h('button', { type: 'button', class: 'link-button', onclick: () => this.startAgain() }, texts.startAgain)),
    ].filter((node): node is HTMLElement => node !== null);
  }

  private errorSummary(): HTMLElement | null {
    if (this.errors.length === 0 && !this.refusal) return null;
    const texts = TEXTS[this.language];
    const items = this.errors.map((error) => {
      const itemId = itemOfPointer(error.pointer);
      if (!itemId || sectionOfItem(this.instrument!, itemId) < 0) return h('li', {}, this.message(error));
      const label = this.itemLabel(itemId);
      return h('li', {}, h('a', {
        href: `#${controlId(itemId)}`,
        onclick: (event: Event) => { event.preventDefault(); this.focusItem(itemId); },
      }, `${label}: ${this.message(error)}`));
    });
    return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
      h('h2', { id: 'error-summary-title' }, texts.errorSummary),
      this.refusal ? h('p', {}, fill(texts.refused, { detail: this.refusal })) : null,
      h('ul', {}, items));
  }

  /** Goes to the question (on whichever page it is) and puts the focus on its first control. */
  private focusItem(itemId: string): void {
    const page = sectionOfItem(this.instrument!, itemId) + 1;
    if (this.progress?.stage === 'answering' && this.progress.page !== page) this.goTo(page);
    const control = document.getElementById(controlId(itemId));
    control?.focus();
    document.getElementById(`item-${itemId}`)?.scrollIntoView({ block: 'start' });
  }

  private itemLabel(itemId: string): string {
    const item = this.instrument!.sections.flatMap((section) => section.items).find((it) => it.id === itemId);
    return item ? item.label[this.language] ?? itemId : itemId;
  }

  /** A field error in the respondent's language, from its code; the server's English message is for developers. */
  private message(error: FieldError): string {
    const texts = TEXTS[this.language];
    const item = this.instrument?.sections.flatMap((section) => section.items).find((it) => it.id === itemOfPointer(error.pointer));
    const exclusive = item?.options?.find((option) => option.exclusive);
    const code = (error.code in texts.errors ? error.code : 'other') as ErrorCode;
    return fill(texts.errors[code], {
      min: item?.minSelected ?? 1, max: item?.type === 'text' ? item.maxLength ?? '' : item?.maxSelected ?? '',
      option: exclusive ? exclusive.label[this.language] ?? exclusive.code : '',
    });
  }

  private receipt(receipt: Receipt): HTMLElement {
    const texts = TEXTS[this.language];
    const date = new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeZone: 'UTC' })
      .format(new Date(`${receipt.receivedOn}T00:00:00Z`));
    return h('div', {},
      h('div', { class: 'receipt' },
        h('h1', { tabindex: '-1' }, texts.receiptTitle),
        h('p', {}, fill(texts.receiptDate, { date })),
        h('p', { class: 'reference' }, fill(texts.receiptReference, { id: receipt.submissionId }))),
      h('p', {}, texts.receiptDeleted),
      this.privacy(false),
      h('p', {}, h('button', { type: 'button', class: 'link-button', onclick: () => {
        this.store.clear(this.options.instrumentId);
        this.progress = undefined;
        this.errors = [];
        void this.start();
      } }, texts.answerAgain)));
  }

  private privacy(open: boolean): HTMLElement {
    const texts = TEXTS[this.language];
    return h('details', { class: 'privacy', open },
      h('summary', {}, texts.privacyTitle),
      h('ul', {}, texts.privacy.map((line) => h('li', {}, line))));
  }

  private footer(): HTMLElement {
    return h('footer', { class: 'site' }, h('div', { class: 'page' },
      h('a', { href: '/dashboard/' }, dashboardLink[this.language])));
  }
}

const dashboardLink: Record<Language, string> = {
  lt: 'Apklausos rezultatai', en: 'Survey results', uk: 'Результати опитування', ru: 'Результаты опроса',
};
