import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { willFates } from '../engine/trace';
import type { Scenario } from '../engine/types';
import { en } from '../i18n/en';
import { entryLine, renderWhy } from '../i18n/render';
import { shareEn } from '../i18n/share-en';
import { loadDocument } from '../scenario/load';
import { decodeLink } from '../share/codec';
import { describeLinkError } from '../share/describe';
import { fail, failProblems, parseArgs, readJson } from './io';

/**
 * npm run sim -- <scenario.json> [--profile P] [--json] [--case ID] [--all]
 * npm run sim -- --link '<link or fragment>' [--profile P] [--json] [--all]
 * Prints the trace as readable lines (time, actor, what happened, why) or as JSON lines.
 * A case file (FORMAT.md) is run as a scenario; with several cases pick one with --case.
 * A share link (docs/share-links.md) is decoded and run like a file.
 */
const { flags, positional } = parseArgs(process.argv.slice(2), ['json', 'all']);
const usage =
  "usage: npm run sim -- <scenario.json> [--profile P] [--json] [--case ID] [--all]\n       npm run sim -- --link '<link or fragment>' [--profile P] [--json] [--all]";
const linkFlag = flags.get('link');
const file = typeof linkFlag === 'string' ? 'link' : positional[0];
if (!file || (linkFlag !== undefined && positional.length > 0)) fail(usage);

let scenario: Scenario;
const doc = typeof linkFlag === 'string' ? null : loadDocument(readJson(file));
if (doc === null) {
  const r = decodeLink(linkFlag);
  if (!r.ok) {
    const d = describeLinkError(r.error);
    fail([`link: ${shareEn.link.headline} ${d.message}`, ...d.details.map((l) => `  ${l}`)].join('\n'));
  }
  scenario = r.scenario;
} else if (!doc.ok) failProblems(file, doc.problems);
else if (doc.value.kind === 'scenario') scenario = doc.value.scenario;
else {
  const cases = doc.value.cases;
  const id = flags.get('case');
  const picked = typeof id === 'string' ? cases.find((c) => c.id === id) : cases.length === 1 ? cases[0] : undefined;
  if (!picked)
    fail(
      `${file} holds ${cases.length} cases; pick one with --case ID:\n${cases.map((c) => `  ${c.id}  ${c.title}`).join('\n')}`,
    );
  scenario = picked.scenario;
}
const profileId = String(flags.get('profile') ?? scenario.profile);
const profile =
  profileById(profileId) ?? fail(`--profile: unknown profile "${profileId}" (known: ${PROFILE_IDS.join(', ')})`);

const result = simulate(scenario, { profile });
const shown = flags.has('all') ? result.trace : result.trace.filter((e) => e.kind !== 'state');
const out: string[] = [];
if (flags.has('json')) {
  for (const e of shown) out.push(JSON.stringify(e));
} else {
  out.push(`# ${scenario.title || file} — profile ${profile.id}`);
  for (const e of shown) out.push(entryLine(e, en));
  out.push('', '# Wills');
  for (const f of willFates(result.trace)) {
    const head =
      f.fate === 'published'
        ? en.outcome.published(en.seconds(f.at))
        : f.fate === 'pending'
          ? en.outcome.pending(f.due === null ? '?' : en.seconds(f.due))
          : `${en.outcome.notPublished} (${f.fate} at ${en.seconds(f.at)})`;
    const w = f.why ? renderWhy(f.why, en) : null;
    out.push(
      `${f.from}#${f.conn} "${f.topic}": ${head}${w ? `: ${w.sentence} ${w.clauses}${w.deviation ? ` ${w.deviation}` : ''}` : ''}`,
    );
  }
  if (result.truncated) out.push('# The run was truncated: too many events.');
}
process.stdout.write(`${out.join('\n')}\n`);
