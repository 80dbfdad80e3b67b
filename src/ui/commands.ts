import { SPEED_MAX, SPEED_MIN, viewStore } from '../store/view';
import { lowerBound, type RunModel, upperBound } from './model';

/**
 * Time controls shared by the transport bar, the timeline and the keyboard shortcuts. They read and
 * write the view store only: the run itself is never touched.
 */

/** Position of the "current" log entry: the selected one if it is at the playhead, else the last one at or before it. */
function cursor(model: RunModel): number {
  const { playhead, selectedEntry } = viewStore.getState();
  if (selectedEntry !== null) {
    const k = lowerBound(model.logIndex, selectedEntry);
    if (model.logIndex[k] === selectedEntry && model.logTimes[k] === playhead) return k;
  }
  // At 0 s with nothing selected, the cursor is before the first entry (Home, then step through t = 0).
  if (selectedEntry === null && playhead === 0) return -1;
  return upperBound(model.logTimes, playhead) - 1;
}

export function stepNext(model: RunModel): void {
  const k = cursor(model) + 1;
  const entry = model.logIndex[k];
  if (entry === undefined) return;
  viewStore.getState().entrySelected(entry, model.logTimes[k]);
}

export function stepPrev(model: RunModel): void {
  const k = cursor(model) - 1;
  const entry = model.logIndex[k];
  if (entry === undefined) {
    viewStore.getState().entrySelected(null, 0);
    return;
  }
  viewStore.getState().entrySelected(entry, model.logTimes[k]);
}

export function goStart(): void {
  viewStore.getState().entrySelected(null, 0);
}

export function goEnd(model: RunModel): void {
  viewStore.getState().entrySelected(null, model.endMs);
}

export function togglePlay(model: RunModel | null): void {
  const s = viewStore.getState();
  if (!s.playing && model && s.playhead >= model.endMs) s.playheadMoved(0);
  s.playToggled();
}

export function changeSpeed(by: number): void {
  const s = viewStore.getState();
  s.speedChanged(Math.round((s.speedExp + by) * 100) / 100);
}

export const SPEED_STEP = 0.25;
export { SPEED_MAX, SPEED_MIN };

/** Smallest visible span of the timeline (ms). */
const MIN_SPAN = 20;

/** Zooms the timeline by `factor` (>1 = in) around `center` (ms; default: the playhead if visible). */
export function zoomBy(model: RunModel, factor: number, center?: number): void {
  const s = viewStore.getState();
  const end = Math.max(1, model.endMs);
  const from = s.zoom?.from ?? 0;
  const to = s.zoom?.to ?? end;
  const c = center ?? (s.playhead >= from && s.playhead <= to ? s.playhead : (from + to) / 2);
  const span = Math.max(MIN_SPAN, (to - from) / factor);
  if (span >= end) {
    s.zoomChanged(null);
    return;
  }
  let f = c - (c - from) * (span / (to - from));
  f = Math.min(Math.max(0, f), end - span);
  s.zoomChanged({ from: f, to: f + span });
}

/** Moves the visible window by `ms` (clamped to the run). */
export function panBy(model: RunModel, ms: number): void {
  const s = viewStore.getState();
  if (!s.zoom) return;
  const span = s.zoom.to - s.zoom.from;
  const f = Math.min(Math.max(0, s.zoom.from + ms), Math.max(0, model.endMs - span));
  s.zoomChanged({ from: f, to: f + span });
}

/** Pans a zoomed timeline by a quarter of its window (direction -1 or 1). */
export function panByQuarter(model: RunModel, direction: number): void {
  const z = viewStore.getState().zoom;
  if (z) panBy(model, ((z.to - z.from) / 4) * direction);
}

export function zoomToFit(): void {
  viewStore.getState().zoomChanged(null);
}
