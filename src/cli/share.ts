import { PROFILE_IDS, profileById } from '../engine/profiles';
import { LINK_WARN_CHARS, linkSize, shareLink } from '../share/codec';
import { fail, parseArgs } from './io';
import { cliMessages } from './lang';
import { scenarioFromFile } from './pick';

/**
 * npm run share -- <scenario.json> [--case ID] [--base URL] [--profile P] [--lang zh-CN]
 * Prints a share link to the scenario (or to one case of a FORMAT.md case file) on stdout, and its
 * length on stderr, with a warning above 2,000 characters. `--profile` sets the link's profile.
 */
const DEFAULT_BASE = 'http://127.0.0.1:5173/';
const usage = 'usage: npm run share -- <scenario.json> [--case ID] [--base URL] [--profile P]';
const { m, argv } = await cliMessages();
const t = m.share;
const { flags, positional } = parseArgs(argv, []);
const file = positional[0];
if (!file || positional.length > 1) fail(usage);

let scenario = scenarioFromFile(file, flags.get('case'), m);
const profileId = flags.get('profile');
if (typeof profileId === 'string') {
  if (!profileById(profileId)) fail(m.cli.unknownProfile(profileId, PROFILE_IDS.join(', ')));
  scenario = { ...scenario, profile: profileId };
}
const base = String(flags.get('base') ?? DEFAULT_BASE);
if (!/^https?:\/\/\S+$/i.test(base)) fail(`--base: "${base}" is not an http(s) URL`);

const link = shareLink(scenario, base);
const size = linkSize(link);
process.stdout.write(`${link}\n`);
process.stderr.write(`# ${t.share.meterValue(size.chars, LINK_WARN_CHARS)}\n`);
if (size.level === 'long') process.stderr.write(`# ${t.share.long(size.chars, LINK_WARN_CHARS)}\n`);
if (size.level === 'tooLong') {
  process.stderr.write(`# ${t.share.tooLong}\n`);
  process.exit(1);
}
