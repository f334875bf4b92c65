import type { ScenarioDraft } from '../../../state/scenario-draft.svelte';

/**
 * Stable identities for the form's handlers and list items (steps, branches, requests…), so a
 * rename or a move updates the controls on screen instead of replacing them: the field being
 * typed in keeps its focus and its text. A list is named by its owner's key and field
 * (`${stepKey}:steps`), not by its JSON path, so nested lists travel with their item. Edits the
 * form does not make (in the JSON editor) fall back to identity by position.
 *
 * Plain data on purpose: it is read while the form derives its lists, and changed only just
 * before the draft edit that the change describes.
 */
export class FormKeys {
	private next = 1;
	private lists = new Map<string, number[]>();
	private names = new Map<string, Map<string, number>>();

	/** The keys of the `count` items of list `id`: kept ones first, fresh ones for new items. */
	list(id: string, count: number): readonly number[] {
		let keys = this.lists.get(id);
		if (!keys) this.lists.set(id, (keys = []));
		keys.length = Math.min(keys.length, count);
		while (keys.length < count) keys.push(this.next++);
		return [...keys];
	}

	/** Item `from` of list `id` is about to move to `to`. */
	move(id: string, from: number, to: number): void {
		const keys = this.lists.get(id);
		if (!keys || from >= keys.length) return;
		const [key] = keys.splice(from, 1);
		keys.splice(Math.min(to, keys.length), 0, key);
	}

	/** Item `index` of list `id` is about to be removed. */
	remove(id: string, index: number): void {
		this.lists.get(id)?.splice(index, 1);
	}

	/** The keys of the named items of `id` (a handler's name is its identity, until renamed). */
	named(id: string, names: readonly string[]): readonly number[] {
		const old = this.names.get(id) ?? new Map<string, number>();
		const kept = new Map(names.map((n) => [n, old.get(n) ?? this.next++]));
		this.names.set(id, kept);
		return names.map((n) => kept.get(n) as number);
	}

	/** Named item `from` of `id` is about to be called `to`. */
	rename(id: string, from: string, to: string): void {
		const keys = this.names.get(id);
		const key = keys?.get(from);
		if (!keys || key === undefined) return;
		keys.delete(from);
		keys.set(to, key);
	}
}

// A and B each have their own form, so each draft has its own keys.
const ofDraft = new WeakMap<ScenarioDraft, FormKeys>();

/** The keys of the form that edits `draft`. */
export function formKeys(draft: ScenarioDraft): FormKeys {
	let keys = ofDraft.get(draft);
	if (!keys) ofDraft.set(draft, (keys = new FormKeys()));
	return keys;
}
