import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { willFates } from '../engine/trace';
import type { Scenario } from '../engine/types';
import { cliEn } from '../i18n/cli-en';
import { en } from '../i18n/en';
import { entryLine, renderWhy } from '../i18n/render';
import { shareEn } from '../i18n/share-en';
import { decodeLink, MAX_LINK_CHARS } from '../share/codec';
import { describeLinkError } from '../share/describe';
import { parseCommand, runCommand } from './args';
import { fail, readCapped, readDocument, writeLines } from './io';
import { pickCase } from './pick';

/**
 * npm run sim -- <scenario.json> [--profile P] [--json] [--case ID] [--all]
 * npm run sim -- --link '<link or fragment>' [--profile P] [--json] [--all]
 * npm run sim -- --link-file link.txt [--profile P] [--json] [--all]
 * Prints the trace as readable lines (time, actor, what happened, why) or as JSON lines.
 * A case file (FORMAT.md) is run as a scenario; with several cases pick one with --case.
 * A share link (docs/share-links.md) is decoded and run like a file, by the app's own decoder.
 */
const { values, positionals, usageError } = parseCommand({
  command: 'sim',
  options: {
    profile: { type: 'string', value: 'P' },
    json: { type: 'boolean' },
    case: { type: 'string', value: 'ID' },
    all: { type: 'boolean' },
    link: { type: 'string', value: 'LINK' },
    'link-file': { type: 'string', value: 'FILE' },
  },
  positionals: { min: 0, max: 1, name: 'a scenario file (or --link)' },
});

runCommand(async () => {
  if (values.link !== undefined && values['link-file'] !== undefined)
    usageError(cliEn.args.eitherOr('--link', '--link-file'));
  // A link longer than a command line takes comes from a file (read with the decoder's own cap).
  const linkFlag =
    values['link-file'] !== undefined ? readCapped(values['link-file'], 4 * MAX_LINK_CHARS).trim() : values.link;
  const file = linkFlag !== undefined ? 'link' : positionals[0];
  if (file === undefined || (linkFlag !== undefined && positionals.length > 0))
    usageError(
      linkFlag !== undefined
        ? cliEn.args.eitherOr('a scenario file', '--link')
        : cliEn.args.missing('a scenario file (or --link)'),
    );
  let scenario: Scenario;
  if (linkFlag !== undefined) {
    const r = decodeLink(linkFlag);
    if (!r.ok) {
      const d = describeLinkError(r.error);
      fail([`link: ${shareEn.link.headline} ${d.message}`, ...d.details.map((l) => `  ${l}`)].join('\n'));
    }
    scenario = r.scenario;
  } else scenario = pickCase(file as string, readDocument(file as string), values.case);

  const profileId = values.profile ?? scenario.profile;
  const profile =
    profileById(profileId) ?? fail(`--profile: unknown profile "${profileId}" (known: ${PROFILE_IDS.join(', ')})`);

  const result = simulate(scenario, { profile });
  const shown = values.all ? result.trace : result.trace.filter((e) => e.kind !== 'state');
  if (values.json) {
    await writeLines(shown.map((e) => JSON.stringify(e)));
    return;
  }
  await writeLines(
    (function* () {
      yield `# ${scenario.title || file} — profile ${profile.id}`;
      for (const e of shown) yield entryLine(e, en);
      yield '';
      yield '# Wills';
      for (const f of willFates(result.trace)) {
        const head =
          f.fate === 'published'
            ? en.outcome.published(en.seconds(f.at))
            : f.fate === 'pending'
              ? en.outcome.pending(f.due === null ? '?' : en.seconds(f.due))
              : `${en.outcome.notPublished} (${f.fate} at ${en.seconds(f.at)})`;
        const w = f.why ? renderWhy(f.why, en) : null;
        yield `${f.from}#${f.conn} "${f.topic}": ${head}${w ? `: ${w.sentence} ${w.clauses}${w.deviation ? ` ${w.deviation}` : ''}` : ''}`;
      }
      if (result.truncated) yield '# The run was truncated: too many events.';
    })(),
  );
});
