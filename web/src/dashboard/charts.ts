// The two charts, drawn by Observable Plot. Plot puts a <style> element inside each SVG, which the pages'
// Content-Security-Policy (style-src 'self') would refuse: it is removed before the chart enters the document,
// and the same rules live in dashboard.css (.chart). Every chart is an <svg role="img"> with a text alternative
// and has a table of the same figures next to it.
import { dot, line, plot, ruleX, ruleY, text } from '@observablehq/plot';
import type { Language } from '../common/language';
import { formatNumber, formatTick } from './format';
import type { RankRow, TrendPoint } from './model';

const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const RED = '#d4351c';
const CLASS = 'chart';
/** The charts' text size in pixels (also in dashboard.css, .chart). */
const FONT_SIZE = 13;

/** Removes what the CSP forbids or what a screen reader should not meet inside an image. */
export function forDocument(svg: SVGSVGElement | HTMLElement, label: string): SVGSVGElement {
  svg.querySelectorAll('style').forEach((style) => style.remove());
  svg.querySelectorAll('[aria-label], [aria-description]').forEach((element) => {
    if (element !== svg) {
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
    }
  });
  svg.removeAttribute('aria-description');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg as SVGSVGElement;
}

export interface RankingChart {
  rows: RankRow[];
  national?: number;
  nationalLabel: string;
  decimals: number;
  unitLabel: string;
  lowReliabilityWord: string;
  language: Language;
  label: string;
}

/** Municipalities ordered by value: a dot each with its 95% interval, the name above; Lithuania as a dashed line. */
export function rankingChart(chart: RankingChart, width: number): SVGSVGElement {
  // a name with its value takes up to ~55 characters: on a phone it wraps onto a second line above the dot
  const lineWidth = Math.max(16, (width - 30) / FONT_SIZE);
  const rowHeight = width < 560 ? 56 : 40;
  const format = (value: number) => formatNumber(value, chart.decimals, chart.language);
  const tick = (value: number) => formatTick(value, chart.decimals, chart.language);
  const withInterval = chart.rows.filter((r) => r.ciLow !== undefined && r.ciHigh !== undefined);
  const national = chart.national === undefined ? [] : [chart.national];
  const svg = plot({
    className: CLASS,
    width,
    height: chart.rows.length * rowHeight + 80,
    marginLeft: 12,
    marginRight: 16,
    marginTop: 40,
    marginBottom: 40,
    x: { label: chart.unitLabel, nice: true, grid: true, tickFormat: tick },
    y: { type: 'point', domain: chart.rows.map((r) => r.area), axis: null, padding: 0.5,
      range: [40 + rowHeight - 10, 40 + chart.rows.length * rowHeight] },
    marks: [
      ruleX(national, { stroke: INK, strokeWidth: 1.5, strokeDasharray: '5,4' }),
      text(national, { x: (d: number) => d, text: (d: number) => `${chart.nationalLabel} ${format(d)}`,
        frameAnchor: 'top', dy: -24, textAnchor: 'middle', fill: INK, fontSize: FONT_SIZE, fontWeight: 600 }),
      ruleY(withInterval, { y: 'area', x1: 'ciLow', x2: 'ciHigh', stroke: BLUE, strokeWidth: 2.5 }),
      dot(chart.rows, { x: 'value', y: 'area', r: 5.5, stroke: BLUE, strokeWidth: 2.5,
        fill: (r: RankRow) => (r.lowReliability ? '#ffffff' : BLUE) }),
      text(chart.rows, { y: 'area', frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'bottom', dy: -10,
        fill: INK, stroke: 'white', strokeWidth: 4, fontSize: FONT_SIZE, lineWidth,
        text: (r: RankRow) => `${r.name}: ${format(r.value!)}${r.lowReliability ? ` (${chart.lowReliabilityWord})` : ''}` }),
    ],
  });
  return forDocument(svg, chart.label);
}

export interface TrendChart {
  points: TrendPoint[];
  decimals: number;
  unitLabel: string;
  language: Language;
  label: string;
}

/**
 * Values over time with their intervals. The line is drawn per segment of consecutive published periods, so
 * it never joins across a withheld period or one without responses; withheld periods are marked × at the foot.
 */
export function trendChart(chart: TrendChart, width: number): SVGSVGElement {
  const tick = (value: number) => formatTick(value, chart.decimals, chart.language);
  const published = chart.points.filter((p) => p.value !== undefined);
  const withInterval = published.filter((p) => p.ciLow !== undefined && p.ciHigh !== undefined);
  const withheld = chart.points.filter((p) => p.status === 'withheld');
  const periods = chart.points.map((p) => p.period);
  const room = Math.max(2, Math.floor((width - 70) / 64));
  const step = Math.ceil(periods.length / room);
  const ticks = periods.filter((_, i) => (periods.length - 1 - i) % step === 0);
  const svg = plot({
    className: CLASS,
    width,
    height: 300,
    marginLeft: 56,
    marginRight: 20,
    marginTop: 30,
    marginBottom: 44,
    x: { type: 'point', domain: periods, ticks, label: null, padding: 0.5 },
    y: { label: chart.unitLabel, nice: true, grid: true, tickFormat: tick },
    marks: [
      ruleX(withInterval, { x: 'period', y1: 'ciLow', y2: 'ciHigh', stroke: BLUE, strokeWidth: 2 }),
      line(published, { x: 'period', y: 'value', z: 'segment', stroke: BLUE, strokeWidth: 2.5 }),
      dot(published, { x: 'period', y: 'value', r: 5, stroke: BLUE, strokeWidth: 2.5,
        fill: (p: TrendPoint) => (p.lowReliability ? '#ffffff' : BLUE) }),
      dot(withheld, { x: 'period', frameAnchor: 'bottom', dy: -8, symbol: 'times', r: 6, stroke: RED, strokeWidth: 2.5 }),
    ],
  });
  return forDocument(svg, chart.label);
}
