import type { Scenario } from '../engine/types';
import type { LoadedDocument } from '../scenario/load';
import { fail, readDocument } from './io';
import { words } from './lang';

/**
 * The scenario a document holds: a scenario file, or one case of a FORMAT.md case file (`--case ID`;
 * a file with a single case needs none). Exits with a message naming the problem otherwise.
 */
export function pickCase(file: string, doc: LoadedDocument, caseId: string | undefined): Scenario {
  if (doc.kind === 'scenario') return doc.scenario;
  const cases = doc.cases;
  const picked = caseId !== undefined ? cases.find((c) => c.id === caseId) : cases.length === 1 ? cases[0] : undefined;
  if (!picked)
    fail(`${words.cli.output.pickCase(file, cases.length)}\n${cases.map((c) => `  ${c.id}  ${c.title}`).join('\n')}`);
  return picked.scenario;
}

export function scenarioFromFile(file: string, caseId: string | undefined): Scenario {
  return pickCase(file, readDocument(file), caseId);
}
