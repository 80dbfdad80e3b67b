/**
 * Topic Filter matching (MQTT 5.0 §4.7, 3.1.1 §4.7). `+` matches one level, `#` the rest (including
 * the parent level), and wildcards at the first level never match topics starting with `$` [MQTT-4.7.2-1].
 */
export function topicMatches(filter: string, topic: string): boolean {
  const f = compiled(filter);
  if (f === null) return filter === topic;
  return matchLevels(f, topic);
}

/** Wildcard filters split into levels once; exact filters (the common case) need no splitting. */
const cache = new Map<string, string[] | null>();

function compiled(filter: string): string[] | null {
  let f = cache.get(filter);
  if (f === undefined) {
    f = filter.includes('+') || filter.includes('#') ? filter.split('/') : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(filter, f);
  }
  return f;
}

function matchLevels(f: string[], topic: string): boolean {
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    const level = f[i];
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

export type FilterProblem = 'filter.empty' | 'filter.hash' | 'filter.plus' | 'filter.null';
export type TopicProblem = 'topic.empty' | 'topic.wildcard' | 'topic.null';

/**
 * Why a Topic Filter is invalid (a code; src/i18n words it), or null.
 * [MQTT-4.7.1-1], [MQTT-4.7.1-2], [MQTT-4.7.3-1]
 */
export function filterProblem(filter: string): FilterProblem | null {
  if (filter.length === 0) return 'filter.empty';
  const levels = filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i] ?? '';
    if (l.includes('#') && (l !== '#' || i !== levels.length - 1)) return 'filter.hash';
    if (l.includes('+') && l !== '+') return 'filter.plus';
  }
  if (filter.includes('\u0000')) return 'filter.null';
  return null;
}

/** Why a Topic Name is invalid (a code), or null. Topic Names never contain wildcards [MQTT-3.3.2-2]. */
export function topicProblem(topic: string): TopicProblem | null {
  if (topic.length === 0) return 'topic.empty';
  if (topic.includes('+') || topic.includes('#')) return 'topic.wildcard';
  if (topic.includes('\u0000')) return 'topic.null';
  return null;
}
