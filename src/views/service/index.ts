// The views of a service (beyond a few dozen requests), loaded only when a run is that large:
// a lesson never is, so its page never downloads them.
export { default as ServiceView } from './ServiceView.svelte';
export { default as LatencyDistribution } from './LatencyDistribution.svelte';
export { serviceSeriesOf } from './service-series';
