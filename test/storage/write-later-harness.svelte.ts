import { writeLater } from '../../src/storage/write-later.svelte';

/** A value that `writeLater` follows, outside any component, and the writes it made. */
export function followed(quietMs: number) {
	const state = $state({ value: 0 });
	const writes: number[] = [];
	const stop = $effect.root(() =>
		writeLater(
			() => state.value,
			(v) => writes.push(v),
			quietMs
		)
	);
	return { state, writes, stop };
}
