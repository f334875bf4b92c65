// Exact mode's part of the stage, loaded when the page is idle (never in its first JS): the
// CPython session and the pieces that draw it. Pyodide itself loads only on Run on CPython.
export { default as AgreementBadge } from './AgreementBadge.svelte';
export { exactLine, realLine } from './agreement-badge';
export { default as EngineSwitch } from './EngineSwitch.svelte';
export { default as ExactRunButton } from './ExactRunButton.svelte';
export { default as ExactRunPanel } from './ExactRunPanel.svelte';
export { ExactRunSession } from '../../state/exact-run.svelte';
