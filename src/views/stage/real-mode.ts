// The real runtime's part of the stage, loaded when the page is idle (never in its first JS):
// the session that runs a scenario in Web Workers, and the panel that draws its runs.
export { default as RealRunPanel } from './RealRunPanel.svelte';
export { RealRunSession } from '../../state/real-run.svelte';
