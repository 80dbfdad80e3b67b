import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lessonsEn } from '../../i18n/lessons-en';
import { LESSONS } from '../../lessons/catalog';
import { LESSON_START, LessonPlayer, type LessonProgress } from './LessonPlayer';

afterEach(cleanup);

const lesson1 = LESSONS[0];
if (!lesson1) throw new Error('no lessons');
const text1 = lessonsEn.lessons[lesson1.id];
const next = () => screen.getByRole('button', { name: 'Next' });
const back = () => screen.getByRole('button', { name: 'Back' });

describe('lesson player', () => {
  it('walks lesson 1 forward and back, and checks the prediction against the run', async () => {
    const user = userEvent.setup();
    render(<LessonPlayer lesson={lesson1} text={text1} position={{ index: 1, total: LESSONS.length }} />);
    expect(screen.getByRole('heading', { name: 'The NanoMQ 0.23.2 story' })).toBeInTheDocument();
    expect(screen.getByText('Lesson 1 of 12')).toBeInTheDocument();
    expect(screen.getByText(/Step 1 of 6 · at 0\.000 s · MQTT 5\.0 spec/)).toBeInTheDocument();
    expect(back()).toBeDisabled();

    await user.click(next());
    expect(screen.getByText(/At 20 s the network drops/)).toBeInTheDocument();
    // The run would reveal the answer next: a prediction comes first.
    expect(next()).toBeDisabled();
    expect(screen.getByText('Make a prediction before the run reveals the answer.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'At 20 s under both brokers.' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
    expect(screen.getByText('You predicted: At 20 s under both brokers.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'At 20 s under both brokers.' })).toBeDisabled();

    await user.click(next());
    expect(screen.getByText(/Step 3 of 6/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      `Not this time: the engine's run shows "At 20 s under the spec; not at all (during the run) under NanoMQ 0.23.2."`,
    );

    await user.click(back());
    expect(screen.getByText(/Step 2 of 6/)).toBeInTheDocument();
    await user.click(next());
    await user.click(next());
    await user.click(next());
    expect(screen.getByText(/Step 5 of 6 · at 25\.000 s · NanoMQ 0\.23\.3/)).toBeInTheDocument();
    await user.click(next());
    expect(screen.getByText(/Step 6 of 6 · at 120\.000 s · NanoMQ 0\.23\.2/)).toBeInTheDocument();
    expect(screen.getByText(text1.takeaway)).toBeInTheDocument();
    expect(next()).toBeDisabled();
  });

  it('says "right" when the prediction matches the run', async () => {
    const user = userEvent.setup();
    render(<LessonPlayer lesson={lesson1} text={text1} />);
    await user.click(screen.getByRole('radio', { name: /not at all \(during the run\) under NanoMQ/ }));
    await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
    await user.click(next());
    await user.click(next());
    expect(screen.getByRole('status')).toHaveTextContent("Right: the engine's run agrees with your prediction.");
  });

  it('moves the timeline and opens a run in the simulator', async () => {
    const user = userEvent.setup();
    const onShowTime = vi.fn();
    const onOpen = vi.fn();
    render(<LessonPlayer lesson={lesson1} text={text1} onShowTime={onShowTime} onOpenScenario={onOpen} />);
    await user.click(screen.getByRole('button', { name: 'Show the timeline at 0.000 s' }));
    expect(onShowTime).toHaveBeenCalledWith('a', 0);
    await user.click(screen.getByRole('button', { name: 'Open "NanoMQ 0.23.2" in the simulator' }));
    const [scenario, run] = onOpen.mock.calls[0] as [{ profile: string; title: string }, string];
    expect(run).toBe('b');
    expect(scenario.profile).toBe('nanomq-0.23.2');
    expect(scenario.title).toBe('Lesson: The NanoMQ 0.23.2 story (NanoMQ 0.23.2)');
  });

  it('lets the app keep the progress, so a lesson resumes where the learner left it', async () => {
    const user = userEvent.setup();
    const onProgress = vi.fn<(p: LessonProgress) => void>();
    const { unmount } = render(
      <LessonPlayer lesson={lesson1} text={text1} progress={LESSON_START} onProgress={onProgress} />,
    );
    await user.click(next());
    expect(onProgress).toHaveBeenLastCalledWith({ index: 1, choice: null, locked: null });
    // Controlled: the beat moves when the app passes the new progress back.
    expect(screen.getByText(/Step 1 of 6/)).toBeInTheDocument();
    unmount();
    render(
      <LessonPlayer
        lesson={lesson1}
        text={text1}
        progress={{ index: 1, choice: 'spec-only', locked: 'spec-only' }}
        onProgress={onProgress}
      />,
    );
    expect(screen.getByText(/Step 2 of 6/)).toBeInTheDocument();
    expect(screen.getByText(/^You predicted: At 20 s under the spec/)).toBeInTheDocument();
    expect(next()).toBeEnabled();
    await user.click(next());
    expect(onProgress).toHaveBeenLastCalledWith({ index: 2, choice: 'spec-only', locked: 'spec-only' });
  });

  it('starts another lesson from its first beat', async () => {
    const user = userEvent.setup();
    const lesson2 = LESSONS[1];
    if (!lesson2) throw new Error('no lesson 2');
    const { rerender } = render(<LessonPlayer lesson={lesson1} text={text1} />);
    await user.click(next());
    rerender(<LessonPlayer lesson={lesson2} text={lessonsEn.lessons[lesson2.id]} />);
    expect(screen.getByText(/Step 1 of 4/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lock in my prediction' })).toBeDisabled();
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    'plays %s to the end with every beat confirmed by its run',
    async (_id, lesson) => {
      const user = userEvent.setup();
      const text = lessonsEn.lessons[lesson.id];
      render(<LessonPlayer lesson={lesson} text={text} />);
      await user.click(screen.getAllByRole('radio')[0] as HTMLElement);
      await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
      for (let i = 1; i < lesson.beats.length; i++) {
        await user.click(next());
        expect(screen.queryByText('NOT confirmed by the run')).not.toBeInTheDocument();
      }
      expect(screen.getByRole('status')).toHaveTextContent(/^(Right|Not this time)/);
      expect(screen.getByText(text.takeaway)).toBeInTheDocument();
    },
  );
});
