import { PROFILE_IDS, profileById } from '../engine/profiles';
import { LINK_WARN_CHARS, linkSize, shareLink } from '../share/codec';
import { EXIT, parseCommand, runCommand } from './args';
import { fail } from './io';
import { words } from './lang';
import { scenarioFromFile } from './pick';

/**
 * npm run share -- <scenario.json> [--case ID] [--base URL] [--profile P]
 * Prints a share link to the scenario (or to one case of a FORMAT.md case file) on stdout, and its
 * length on stderr, with a warning above 2,000 characters. `--profile` sets the link's profile.
 */
const DEFAULT_BASE = 'http://127.0.0.1:5173/';
const { values, positionals } = parseCommand({
  command: 'share',
  options: {
    case: { type: 'string', value: 'ID' },
    base: { type: 'string', value: 'URL' },
    profile: { type: 'string', value: 'P' },
  },
  positionals: { min: 1, max: 1, name: 'a scenario file' },
});

runCommand(() => {
  const file = positionals[0] as string;
  let scenario = scenarioFromFile(file, values.case);
  const profileId = values.profile;
  if (profileId !== undefined) {
    if (!profileById(profileId)) fail(words.cli.output.unknownProfile(profileId, PROFILE_IDS.join(', ')));
    scenario = { ...scenario, profile: profileId };
  }
  const base = values.base ?? DEFAULT_BASE;
  if (!/^https?:\/\/\S+$/i.test(base)) fail(`--base: "${base}" is not an http(s) URL`);

  const link = shareLink(scenario, base);
  const size = linkSize(link);
  process.stdout.write(`${link}\n`);
  process.stderr.write(`# ${words.share.share.meterValue(size.chars, LINK_WARN_CHARS)}\n`);
  if (size.level === 'long') process.stderr.write(`# ${words.share.share.long(size.chars, LINK_WARN_CHARS)}\n`);
  if (size.level === 'tooLong') {
    process.stderr.write(`# ${words.share.share.tooLong}\n`);
    process.exit(EXIT.failed);
  }
});
