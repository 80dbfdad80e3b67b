import { useId, useState } from 'react';
import { useMessages } from '../i18n/react';
import { SPEED_MAX, SPEED_MIN, speedFactor, useView, viewStore } from '../store/view';
import { goEnd, goStart, stepNext, stepPrev, togglePlay } from './commands';
import { Icon } from './icons';
import { useCurrentRun } from './run-context';

/** Play, pause, step, speed (log scale) and the playhead: a slider and an exact time field. */
export function Transport() {
  const t = useMessages('ui');
  const cat = useMessages('engine');
  const run = useCurrentRun();
  const model = run?.model ?? null;
  const end = model?.endMs ?? 0;
  const playing = useView((s) => s.playing);
  const playhead = useView((s) => Math.min(s.playhead, end));
  const speedExp = useView((s) => s.speedExp);
  const ids = { speed: useId(), time: useId() };
  const [draft, setDraft] = useState<string | null>(null);

  const commitTime = () => {
    if (draft === null) return;
    const v = Number(draft.replace(',', '.'));
    if (draft.trim() !== '' && Number.isFinite(v))
      viewStore.getState().entrySelected(null, Math.round(Math.min(end, Math.max(0, v * 1000))));
    setDraft(null);
  };

  const icon = 'btn h-9 w-9 justify-center px-0';
  return (
    <section
      aria-label={t.transport.region}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center gap-1">
        <button
          type="button"
          className={icon}
          aria-label={t.transport.toStart}
          aria-keyshortcuts="Home"
          title={t.transport.toStart}
          onClick={goStart}
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          className={icon}
          aria-label={t.transport.prev}
          aria-keyshortcuts="ArrowLeft"
          title={t.transport.prev}
          disabled={!model}
          onClick={() => model && stepPrev(model)}
        >
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="btn h-9 w-24 justify-center border-sky-800 bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-700 dark:hover:bg-sky-600"
          aria-keyshortcuts="Space"
          onClick={() => togglePlay(model)}
          disabled={!model}
        >
          {playing ? <Icon name="pause" /> : <Icon name="play" />}
          {playing ? t.transport.pause : t.transport.play}
        </button>
        <button
          type="button"
          className={icon}
          aria-label={t.transport.next}
          aria-keyshortcuts="ArrowRight"
          title={t.transport.next}
          disabled={!model}
          onClick={() => model && stepNext(model)}
        >
          <Icon name="next" />
        </button>
        <button
          type="button"
          className={icon}
          aria-label={t.transport.toEnd}
          aria-keyshortcuts="End"
          title={t.transport.toEnd}
          disabled={!model}
          onClick={() => model && goEnd(model)}
        >
          <Icon name="end" />
        </button>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={ids.time} className="text-sm">
          {t.transport.playheadSeconds}
        </label>
        <input
          id={ids.time}
          inputMode="decimal"
          className="field w-24 text-right tabular-nums"
          value={draft ?? (playhead / 1000).toFixed(3)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitTime}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitTime();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
          {t.transport.ofEnd(cat.seconds(end))}
        </span>
      </div>
      <input
        type="range"
        aria-label={t.transport.scrubber}
        aria-valuetext={t.transport.of(cat.seconds(playhead), cat.seconds(end))}
        className="min-w-40 flex-1 accent-rose-600"
        min={0}
        max={end}
        step={1}
        value={playhead}
        disabled={!model}
        onChange={(e) => viewStore.getState().playheadMoved(Number(e.target.value))}
      />
      <div className="flex items-center gap-2">
        <label htmlFor={ids.speed} className="text-sm">
          {t.transport.speed}
        </label>
        <input
          id={ids.speed}
          type="range"
          className="w-28 accent-sky-700"
          min={SPEED_MIN}
          max={SPEED_MAX}
          step={0.05}
          value={speedExp}
          aria-valuetext={t.transport.speedValue(speedFactor(speedExp))}
          onChange={(e) => viewStore.getState().speedChanged(Number(e.target.value))}
        />
        <output htmlFor={ids.speed} className="w-28 text-sm tabular-nums">
          {t.transport.speedValue(speedFactor(speedExp))}
        </output>
      </div>
    </section>
  );
}
