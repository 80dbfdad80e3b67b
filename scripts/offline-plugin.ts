import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Offline use and deploy-anywhere, for the production build:
 * - writes `sw.js` next to index.html: src/offline/sw-template.js with the build's file list and a
 *   version (a hash of every file), so any change to the build is a new service worker;
 * - makes `og:image` absolute when `SITE_URL` is set at build time (link unfurlers want an absolute
 *   address; the default build stays relative so one dist/ works at any path).
 */
export function offline(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'will-lab-offline',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    transformIndexHtml(html) {
      const site = process.env.SITE_URL;
      if (!site) return html;
      const base = site.endsWith('/') ? site : `${site}/`;
      return html.replace('property="og:image" content="./og.png"', `property="og:image" content="${base}og.png"`);
    },
    closeBundle() {
      const out = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(relative(out, p).split(sep).join('/'));
        }
      };
      walk(out);
      // Not cached: the worker itself, source maps, and the link preview picture (for unfurlers).
      const cached = files.filter((f) => f !== 'sw.js' && !f.endsWith('.map') && f !== 'og.png');
      const hash = createHash('sha256');
      for (const f of cached) hash.update(f).update(readFileSync(join(out, f)));
      const version = hash.digest('hex').slice(0, 16);
      const template = readFileSync(join(config.root, 'src/offline/sw-template.js'), 'utf8');
      writeFileSync(
        join(out, 'sw.js'),
        `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(cached)};\n${template}`,
      );
    },
  };
}
