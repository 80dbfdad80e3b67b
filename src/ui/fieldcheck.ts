import { useMessages } from '../i18n/react';
import { type FieldKind, fieldProblem } from '../scenario/fields';

/**
 * A field validator from the loader's own schema (src/scenario/fields.ts), worded by the catalog:
 * a field can never commit what a file, a link or the autosave would refuse.
 */
export function useFieldCheck(): (kind: FieldKind) => (value: string) => string | null {
  const cat = useMessages('engine');
  return (kind) => (value) => {
    const p = fieldProblem(kind, value);
    return p ? (cat.problem[p.code]?.(p.params) ?? p.code) : null;
  };
}
