import { createContext } from 'svelte';
import type { ScenarioDraft } from '../../../state/scenario-draft.svelte';

/**
 * The draft a scenario form edits, for every field nested under the form. The form on show can
 * switch between A and B, so the context holds a getter rather than one draft.
 */
export const [getDraft, setDraft] = createContext<() => ScenarioDraft>();
