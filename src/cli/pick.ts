import type { Scenario } from '../engine/types';
import type { Messages } from '../i18n/messages';
import { loadDocument } from '../scenario/load';
import { fail, failProblems, readJson } from './io';

/**
 * The scenario a file holds: a scenario file, or one case of a FORMAT.md case file (`--case ID`;
 * a file with a single case needs none). Exits with a message naming the problem otherwise.
 */
export function scenarioFromFile(file: string, caseId: string | true | undefined, m: Messages): Scenario {
  const doc = loadDocument(readJson(file, m.cli));
  if (!doc.ok) failProblems(file, doc.problems, m.engine, m.cli);
  if (doc.value.kind === 'scenario') return doc.value.scenario;
  const cases = doc.value.cases;
  const picked =
    typeof caseId === 'string' ? cases.find((c) => c.id === caseId) : cases.length === 1 ? cases[0] : undefined;
  if (!picked) fail(`${m.cli.pickCase(file, cases.length)}\n${cases.map((c) => `  ${c.id}  ${c.title}`).join('\n')}`);
  return picked.scenario;
}
