// Loading: latest.json first, then only the files a view needs (never the whole indicators.json). Paths are
// keys under the origin's root, where the local system and CloudFront serve the snapshot bucket.
import type { AreaFile, Dictionary, IndicatorFile, Latest } from './types';

/** No snapshot has been published yet (latest.json answers 404). */
export class NoSnapshotError extends Error {
  constructor() {
    super('no snapshot published yet');
  }
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** The URL of a key of the snapshot bucket, on this page's origin. */
export function fileUrl(key: string): string {
  return '/' + key.replace(/^\/+/, '');
}

export function indicatorKey(latest: Latest, indicator: string, extension: 'json' | 'csv'): string {
  return `${latest.indicatorFolder}${encodeURIComponent(indicator)}.${extension}`;
}

export function areaKey(latest: Latest, area: string): string {
  return `${latest.municipalityFolder}${encodeURIComponent(area)}.json`;
}

/** Reads a snapshot once per file: snapshot files never change, so each is fetched at most once. */
export class SnapshotSource {
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(private readonly fetcher: Fetcher = (url, init) => fetch(url, init)) {}

  async latest(): Promise<Latest> {
    // rewritten by every run (cached 60 s by the CDN): ask again rather than trust the browser's copy
    const response = await this.fetcher(fileUrl('latest.json'), { cache: 'no-cache' });
    if (response.status === 404 || response.status === 403) throw new NoSnapshotError();
    if (!response.ok) throw new Error(`latest.json: HTTP ${response.status}`);
    return (await response.json()) as Latest;
  }

  dictionary(latest: Latest): Promise<Dictionary> {
    return this.json<Dictionary>(latest.dictionary);
  }

  indicator(latest: Latest, id: string): Promise<IndicatorFile> {
    return this.json<IndicatorFile>(indicatorKey(latest, id, 'json'));
  }

  area(latest: Latest, code: string): Promise<AreaFile> {
    return this.json<AreaFile>(areaKey(latest, code));
  }

  private json<T>(key: string): Promise<T> {
    let file = this.files.get(key);
    if (!file) {
      file = this.fetcher(fileUrl(key)).then((response) => {
        if (!response.ok) throw new Error(`${key}: HTTP ${response.status}`);
        return response.json();
      });
      file.catch(() => this.files.delete(key));
      this.files.set(key, file);
    }
    return file as Promise<T>;
  }
}
