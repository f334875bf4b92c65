import type { Locator } from 'playwright-core';

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
