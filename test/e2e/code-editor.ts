import type { Locator, Page } from 'playwright-core';

/**
 * The whole text of the CodeMirror editor whose editable element is `content`. The DOM holds only
 * the lines in view, so this asks the editor itself, as `EditorView.findFromDOM` does: through the
 * view that CodeMirror 6.4x keeps on its content element (`cmTile.root.view`).
 */
export function editorText(content: Locator): Promise<string> {
	return content.evaluate((el) => {
		type Tile = { root?: { view?: { state: { doc: { toString(): string } } } } };
		const view = (el as HTMLElement & { cmTile?: Tile }).cmTile?.root?.view;
		if (!view) throw new Error('not the content element of a CodeMirror 6 editor');
		return view.state.doc.toString();
	});
}

/** The line numbers beside the error markers in the gutter, found by where each one is drawn. */
export async function markedLines(page: Page): Promise<number[]> {
	const numbers = page.locator('.cm-lineNumbers .cm-gutterElement');
	const rows: { n: number; top: number; bottom: number }[] = [];
	for (const el of await numbers.all()) {
		const box = await el.boundingBox();
		const n = Number(await el.textContent());
		if (box && n) rows.push({ n, top: box.y, bottom: box.y + box.height });
	}
	const lines: number[] = [];
	for (const marker of await page.locator('.cm-lint-marker-error').all()) {
		const box = await marker.boundingBox();
		const middle = box ? box.y + box.height / 2 : NaN;
		lines.push(rows.find((r) => r.top <= middle && middle < r.bottom)?.n ?? 0);
	}
	return lines;
}
