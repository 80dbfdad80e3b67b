/** Transport icons (inline SVG: no icon font, no request). Decorative: the buttons carry the names. */
const PATHS = {
  start: 'M6 5h2v14H6zM20 5v14L9 12z',
  prev: 'M8 5h2v14H8zM19 5v14l-8-7z',
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  next: 'M14 5h2v14h-2zM5 5v14l8-7z',
  end: 'M16 5h2v14h-2zM4 5v14l11-7z',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="currentColor">
      <path d={PATHS[name]} />
    </svg>
  );
}
