import { describe, expect, it } from 'vitest';
import { lessonsEn } from '../i18n/lessons-en';
import { zhLessons } from '../i18n/zh/lessons';
import { decodeLink, LINK_WARN_CHARS, shareLink } from '../share/codec';
import { LESSONS } from './catalog';
import { type Claim, claimHolds } from './claims';
import { LESSON_IDS } from './ids';
import { loadLessons } from './index';
import { correctOptions, runLesson, runsById } from './run';

/**
 * Every lesson is run through the engine, and everything its narrative says happens is checked
 * against the run: a lesson can never teach what the model contradicts. The right answer to each
 * question is computed from the run, and there must be exactly one.
 */

/** A nearby claim that must NOT hold, so a claim that holds is known to say something. */
function perturbed(c: Claim): Claim {
  switch (c.kind) {
    case 'will':
      return c.atS !== undefined
        ? { ...c, atS: c.atS + 1 }
        : { ...c, fate: c.fate === 'published' ? 'notPublished' : 'published' };
    case 'willScheduled':
      return { ...c, dueS: c.dueS + 1 };
    case 'delivered':
      return { ...c, happens: !(c.happens ?? true) };
    case 'closed':
    case 'packet':
    case 'sessionEnded':
    case 'messageExpired':
    case 'queued':
      return { ...c, atS: c.atS + 1 };
    case 'sessionPresent':
      return { ...c, value: !c.value };
    case 'retainedAfter':
      return { ...c, payload: c.payload === null ? 'x' : null };
    case 'offlineReceives':
      return { ...c, happens: !(c.happens ?? true) };
    case 'disconnectReason':
      return { ...c, reason: c.reason + 1 };
  }
}

const base = 'https://example.org/mqtt-will-lab/';

describe('lessons', () => {
  it('has at least the 12 lessons of the issue, in the order of LESSON_IDS', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
  });

  it('loads lazily with its words', async () => {
    const { lessons, text } = await loadLessons('en');
    expect(lessons).toBe(LESSONS);
    expect(text).toBe(lessonsEn);
  });

  it('loads its words in Chinese too', async () => {
    expect((await loadLessons('zh-CN')).text).toBe(zhLessons);
  });

  // The claims are data, the same in every language; each language's words must fit them, and the
  // runs (titled in that language) must still say what the claims say.
  const cases = [lessonsEn, zhLessons].flatMap((cat) =>
    LESSONS.map((l) => [`${cat.locale} ${l.id}`, l, cat.lessons[l.id]] as const),
  );
  describe.each(cases)('%s', (_id, lesson, text) => {
    const results = runLesson(lesson, { a: text.title, b: text.title });
    const runs = runsById(results);

    it('has words for every beat, option and run', () => {
      expect(text.beats).toHaveLength(lesson.beats.length);
      expect(Object.keys(text.options).sort()).toEqual(lesson.question.options.map((o) => o.id).sort());
      if (lesson.runs.length > 1) for (const r of lesson.runs) expect(text.runs[r.id]).toBeTruthy();
      expect(lesson.question.revealAt).toBeGreaterThan(0);
      expect(lesson.question.revealAt).toBeLessThan(lesson.beats.length);
    });

    it('says only what the engine does', () => {
      lesson.beats.forEach((beat, i) => {
        for (const claim of beat.claims)
          expect(claimHolds(claim, runs), `beat ${i}: ${JSON.stringify(claim)}`).toBe(true);
      });
    });

    it('makes claims that could fail', () => {
      for (const beat of lesson.beats)
        for (const claim of beat.claims) expect(claimHolds(perturbed(claim), runs), JSON.stringify(claim)).toBe(false);
    });

    it('asks a question with exactly one right answer, found in the run', () => {
      expect(correctOptions(lesson, runs)).toHaveLength(1);
    });

    it('runs every beat inside its run', () => {
      for (const beat of lesson.beats) {
        const run = results.find((r) => r.id === (beat.run ?? 'a'));
        expect(run).toBeDefined();
        expect(beat.atS).toBeLessThanOrEqual(run?.scenario.end ?? -1);
      }
    });

    it('travels as a link under 2,000 characters that opens to the same scenario', () => {
      for (const r of results) {
        const link = shareLink(r.scenario, base);
        expect(link.length).toBeLessThan(LINK_WARN_CHARS);
        const back = decodeLink(link);
        expect(back.ok && back.scenario).toEqual(r.scenario);
      }
    });
  });
});
