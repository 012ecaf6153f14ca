// First-load JavaScript per page, gzip: the script files each page's HTML loads, read from the
// build output (.next/static) and compressed as a server would send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PageWeight } from './budgets';

/**
 * The same-origin scripts a page's HTML loads (deduplicated, in order). `nomodule` scripts (Next's
 * polyfills for browsers without ES modules) are left out: browsers that run modules, which are all
 * the browsers Next supports, neither download nor run them.
 */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const sources = tags
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .flatMap((tag) => {
      const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
      return src ? [src.replace(/&amp;/g, '&')] : [];
    });
  return [...new Set(sources.filter((s) => s.startsWith('/_next/static/')))];
}

const gzipCache = new Map<string, number>();

/** Gzip size in bytes of a build file served at `/_next/static/...`. */
function gzipBytes(source: string): number {
  const file = join('.next', 'static', decodeURIComponent(source.slice('/_next/static/'.length).split('?')[0]!));
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file)!;
}

export async function pageWeight(base: string, path: string, as: string, cookie: string | null): Promise<PageWeight> {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${path} (as ${as}) answered ${response.status}`);
  const html = await response.text();
  const sources = scriptSources(html);
  const bytes = sources.reduce((sum, s) => sum + gzipBytes(s), 0);
  return { path, as, files: sources.length, gzipKb: Math.round((bytes / 1024) * 10) / 10 };
}
