import type { Node } from 'jsonc-parser';
import type { Path } from './check';

/**
 * Finds the node at a path, or the closest ancestor that exists (a missing field points at its
 * object). Each object's keys are indexed once, on first use, so locating every error of a
 * document costs one pass over it, not one search per error. A repeated key resolves to its
 * last occurrence: the one whose value JSON.parse keeps and the checker saw.
 */
export function locator(
	tree: Node,
	lines: number[]
): (path: Path) => { line: number; column: number } {
	const keyed = new Map<Node, Map<string, Node>>();
	const child = (node: Node, seg: string | number): Node | undefined => {
		if (node.type === 'array') return typeof seg === 'number' ? node.children?.[seg] : undefined;
		if (node.type !== 'object' || typeof seg !== 'string') return undefined;
		let byKey = keyed.get(node);
		if (!byKey) {
			byKey = new Map();
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (key && value) byKey.set(key.value as string, value);
			}
			keyed.set(node, byKey);
		}
		return byKey.get(seg);
	};
	return (path) => {
		let node = tree;
		for (const seg of path) {
			const next = child(node, seg);
			if (!next) return position(lines, node.offset);
			node = next;
		}
		// For a key, point at the property (its name), not only its value.
		return position(lines, node.parent?.type === 'property' ? node.parent.offset : node.offset);
	};
}

export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return starts;
}

export function position(starts: number[], offset: number): { line: number; column: number } {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - starts[lo] + 1 };
}
