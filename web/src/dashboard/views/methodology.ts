// How to read the figures, in plain words (a summary of docs/disclosure.md), in the chosen language.
import { h } from '../../common/dom';
import type { Texts } from '../texts';
import type { Latest } from '../types';
import { downloads, reportLinks, snapshotDownloads } from './parts';

export function methodologyView(t: Texts, latest: Latest | undefined): { title: string; content: Node[] } {
  const content: Node[] = [h('h1', { tabindex: -1 }, t.methodologyTitle)];
  for (const section of t.methodology) {
    const body = [
      ...section.paragraphs.map((paragraph) => h('p', {}, paragraph)),
      section.list ? h('ul', {}, section.list.map((item) => h('li', {}, item))) : null,
    ];
    content.push(section.heading ? h('section', {}, h('h2', {}, section.heading), body) : h('div', {}, body));
  }
  content.push(h('p', {}, t.fullRules));
  if (latest) {
    const reports = reportLinks(t, latest.reports);
    if (reports) content.push(reports);
    content.push(downloads(t, snapshotDownloads(t, latest)));
  }
  return { title: t.methodologyTitle, content };
}
