import { problemText } from '../i18n/render';
import { useCatalog } from '../i18n/ui';
import { type FieldKind, fieldProblem } from '../scenario/fields';

/**
 * A field validator from the loader's own schema (src/scenario/fields.ts), worded by the catalog:
 * a field can never commit what a file, a link or the autosave would refuse.
 */
export function useFieldCheck(): (kind: FieldKind) => (value: string) => string | null {
  const cat = useCatalog();
  return (kind) => (value) => {
    const p = fieldProblem(kind, value);
    return p ? problemText(p, cat) : null;
  };
}
