import type { ProfileCheck, ProfileId } from '../engine/profile-list';
import type { WhyCode } from '../engine/rules';
import type { ProtocolLevel, StepAction, TraceEntry } from '../engine/types';
import type { ProblemCode, ProblemParams } from '../scenario/problem-codes';

/** Parameters of an explanation, as recorded by the engine. */
export type P = Record<string, string | number | boolean | null | undefined>;

type Of<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;

/**
 * Everything user-facing that the engine's data is turned into. One catalog per language; the
 * type makes a translation complete (a missing decision code is a compile error).
 */
export interface Catalog {
  locale: string;
  /** One sentence per decision code: why the broker did what it did. */
  why: Record<WhyCode, (p: P, v: ProtocolLevel) => string>;
  seconds: (ms: number) => string;
  clientLabel: (name: string) => string;
  broker: string;
  action: (a: StepAction) => string;
  /** "<broker> departs from the spec here (<source>): the spec <instead>." */
  deviation: (profileLabel: string, source: string, instead: string | undefined) => string;
  /** What the spec does instead, for each decision code where a profile may depart from it. */
  specInstead: Partial<Record<WhyCode, string>>;
  /** The name of each broker profile, by profile id (what a picker and an explanation show). */
  profileLabel: Record<ProfileId, string>;
  /** One line describing each broker profile, by profile id. */
  profileSummary: Record<string, string>;
  /** The picker's hint for a profile: its summary, what it was checked against, how many of its
   * departures are read from source only. */
  profileHint: (summary: string | undefined, checked: ProfileCheck, sourceOnly: number) => string;
  entry: {
    step: (e: Of<'step'>) => string;
    packet: (e: Of<'packet'>, who: string) => string;
    timer: (e: Of<'timer'>, who: string) => string;
    connection: (e: Of<'connection'>, who: string) => string;
    session: (e: Of<'session'>, who: string) => string;
    will: (e: Of<'will'>, who: string) => string;
    message: (e: Of<'message'>, who: string) => string;
    state: (e: Of<'state'>) => string;
    note: (e: Of<'note'>, who: string) => string;
  };
  /** What is wrong with a file, link or field (after its path), one sentence per problem code. */
  problem: Record<ProblemCode, (p: ProblemParams) => string>;
  outcome: {
    published: (t: string) => string;
    notPublished: string;
    pending: (t: string) => string;
    noWill: string;
    deletedBy: (t: string) => string;
  };
}
