// The panels below the stage's views, loaded when the page is idle after its first paint (never
// in its first JS): latency and lag so far, and what the tools would say.
export { default as LatencyView } from './LatencyView.svelte';
export { default as ToolsPanel } from './ToolsPanel.svelte';
