import { PROFILE_IDS, profileById } from '../engine/profiles';
import { simulate } from '../engine/sim';
import { willFates } from '../engine/trace';
import type { Scenario } from '../engine/types';
import { entryLine, renderWhy } from '../i18n/render';
import { decodeLink, MAX_LINK_CHARS } from '../share/codec';
import { describeLinkError } from '../share/describe';
import { parseCommand, runCommand } from './args';
import { fail, readCapped, readDocument, writeLines } from './io';
import { words } from './lang';
import { pickCase } from './pick';

const { cli, engine: cat, share } = words;

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
    usageError(cli.args.eitherOr('--link', '--link-file'));
  // A link longer than a command line takes comes from a file (read with the decoder's own cap).
  const linkFlag =
    values['link-file'] !== undefined ? readCapped(values['link-file'], 4 * MAX_LINK_CHARS).trim() : values.link;
  const file = linkFlag !== undefined ? 'link' : positionals[0];
  if (file === undefined || (linkFlag !== undefined && positionals.length > 0))
    usageError(
      linkFlag !== undefined
        ? cli.args.eitherOr('a scenario file', '--link')
        : cli.args.missing('a scenario file (or --link)'),
    );
  let scenario: Scenario;
  if (linkFlag !== undefined) {
    const r = decodeLink(linkFlag);
    if (!r.ok) {
      const d = describeLinkError(r.error, share, cat);
      fail([`link: ${share.link.headline} ${d.message}`, ...d.details.map((l) => `  ${l}`)].join('\n'));
    }
    scenario = r.scenario;
  } else scenario = pickCase(file as string, readDocument(file as string), values.case);

  const profileId = values.profile ?? scenario.profile;
  const profile = profileById(profileId) ?? fail(cli.output.unknownProfile(profileId, PROFILE_IDS.join(', ')));

  const result = simulate(scenario, { profile });
  const shown = values.all ? result.trace : result.trace.filter((e) => e.kind !== 'state');
  if (values.json) {
    await writeLines(shown.map((e) => JSON.stringify(e)));
    return;
  }
  await writeLines(
    (function* () {
      yield cli.output.simHeader(scenario.title || String(file), profile.id);
      for (const e of shown) yield entryLine(e, cat);
      yield '';
      yield cli.output.willsHeading;
      for (const f of willFates(result.trace)) {
        const head =
          f.fate === 'published'
            ? cat.outcome.published(cat.seconds(f.at))
            : f.fate === 'pending'
              ? cat.outcome.pending(f.due === null ? '?' : cat.seconds(f.due))
              : `${cat.outcome.notPublished} (${cli.output.fate(f.fate, cat.seconds(f.at))})`;
        const w = f.why ? renderWhy(f.why, cat) : null;
        yield `${f.from}#${f.conn} "${f.topic}": ${head}${w ? `: ${w.sentence} ${w.clauses}${w.deviation ? ` ${w.deviation}` : ''}` : ''}`;
      }
      if (result.truncated) yield cli.output.truncated;
    })(),
  );
});
