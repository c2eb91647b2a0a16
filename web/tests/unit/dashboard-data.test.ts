import { describe, expect, test } from 'vitest';
import { NoSnapshotError, SnapshotSource, areaKey, fileUrl, indicatorKey } from '../../src/dashboard/data';
import type { Latest } from '../../src/dashboard/types';

const LATEST: Latest = {
  snapshotId: 's1', generatedAt: '2026-11-30T09:00:00Z', dataCutOff: '2026-11-30',
  manifest: 'snapshots/s1/manifest.json', indicators: 'snapshots/s1/indicators.json', csv: 'snapshots/s1/indicators.csv',
  dictionary: 'snapshots/s1/dictionary.json', datapackage: 'snapshots/s1/datapackage.json',
  indicatorFolder: 'snapshots/s1/indicators/', municipalityFolder: 'snapshots/s1/municipalities/',
};

function fetcher(answers: Record<string, { status: number; body?: unknown }>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    const answer = answers[url] ?? { status: 404 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  };
  return { fetch, asked };
}

describe('snapshot files', () => {
  test('keys become paths on the page\'s origin; one file per indicator or area', () => {
    expect(fileUrl('snapshots/s1/dictionary.json')).toBe('/snapshots/s1/dictionary.json');
    expect(indicatorKey(LATEST, 'info_know_where_pct', 'csv')).toBe('snapshots/s1/indicators/info_know_where_pct.csv');
    expect(areaKey(LATEST, 'LT-57')).toBe('snapshots/s1/municipalities/LT-57.json');
  });

  test('no latest.json yet: NoSnapshotError, which the page shows as "no figures published yet"', async () => {
    const { fetch } = fetcher({});
    await expect(new SnapshotSource(fetch).latest()).rejects.toBeInstanceOf(NoSnapshotError);
  });

  test('another failure is an ordinary error', async () => {
    const { fetch } = fetcher({ '/latest.json': { status: 500 } });
    const failure = await new SnapshotSource(fetch).latest().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(NoSnapshotError);
  });

  test('reads the indicator file, never the whole indicators.json, and each file once', async () => {
    const { fetch, asked } = fetcher({
      '/latest.json': { status: 200, body: LATEST },
      '/snapshots/s1/indicators/x.json': { status: 200, body: { snapshotId: 's1', indicator: {}, cells: [] } },
    });
    const source = new SnapshotSource(fetch);
    const latest = await source.latest();
    await source.indicator(latest, 'x');
    await source.indicator(latest, 'x');
    expect(asked).toEqual(['/latest.json', '/snapshots/s1/indicators/x.json']);
  });
});
