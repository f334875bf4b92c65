import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import {
	Annotation,
	Compartment,
	EditorSelection,
	EditorState,
	Transaction,
	type Extension
} from '@codemirror/state';
import {
	drawSelection,
	EditorView,
	highlightActiveLine,
	highlightActiveLineGutter,
	keymap,
	lineNumbers
} from '@codemirror/view';
import { toLintDiagnostics, type CodeDiagnostic } from './code-diagnostics';
import { labTheme } from './editor-theme';

export type EditorLanguage = 'json' | 'python';

export interface EditorConfig {
	readonly: boolean;
	/** The editable element's accessible name. */
	label: string;
	/** What a screen reader says after the name: the text's status, the keys. */
	description: string;
	invalid: boolean;
}

// Python's grammar loads only when a Python editor opens: the JSON editor does not need it.
const LANGUAGES: Record<EditorLanguage, () => Promise<Extension>> = {
	json: async () => [json(), indentUnit.of('  ')],
	python: async () => [(await import('@codemirror/lang-python')).python(), indentUnit.of('    ')]
};

// Marks the editor's own replacements of the text, which must not be reported back as edits.
const fromOutside = Annotation.define<boolean>();

/**
 * One CodeMirror editor in a shadow root of `host`, driven by the component's props. The shadow
 * root is what lets it work under a strict Content-Security-Policy: there CodeMirror styles
 * itself with constructed style sheets, where in the document it would add `<style>` elements,
 * which such a policy blocks. Its name and description live inside it for the same reason (ARIA
 * ids do not cross into a shadow root).
 */
export class CodeEditorView {
	private readonly view: EditorView;
	private readonly description: HTMLElement;
	private readonly settings = new Compartment();
	private readonly language = new Compartment();
	/** Settles once the language's grammar is in (highlighting, indentation, brackets). */
	readonly ready: Promise<void>;

	constructor(
		host: HTMLElement,
		language: EditorLanguage,
		text: string,
		config: EditorConfig,
		onchange: (text: string) => void
	) {
		const root = host.attachShadow({ mode: 'open' });
		this.description = document.createElement('div');
		this.description.id = 'description';
		this.description.hidden = true;
		root.append(this.description);
		const state = EditorState.create({
			doc: text,
			extensions: [
				lineNumbers(),
				highlightActiveLineGutter(),
				lintGutter(),
				history(),
				drawSelection(),
				indentOnInput(),
				bracketMatching(),
				highlightActiveLine(),
				highlightSelectionMatches(),
				search({ top: true }),
				EditorView.lineWrapping,
				// Tab indents; Escape then Tab (CodeMirror's own escape hatch) moves focus on.
				keymap.of([
					...defaultKeymap,
					...historyKeymap,
					...searchKeymap,
					...lintKeymap,
					indentWithTab
				]),
				this.language.of([]),
				labTheme,
				this.settings.of(this.settingsFor(config)),
				EditorView.updateListener.of((u) => {
					if (u.docChanged && !u.transactions.some((tr) => tr.annotation(fromOutside))) {
						onchange(u.state.doc.toString());
					}
				})
			]
		});
		this.view = new EditorView({ state, parent: root, root });
		this.ready = LANGUAGES[language]().then((support) => {
			if (!this.destroyed) this.view.dispatch({ effects: this.language.reconfigure(support) });
		});
	}

	/** Replaces the text when it differs from the editor's, keeping the caret where it can. */
	setText(text: string): void {
		const doc = this.view.state.doc;
		if (doc.toString() === text) return;
		const head = Math.min(this.view.state.selection.main.head, text.length);
		this.view.dispatch({
			changes: { from: 0, to: doc.length, insert: text },
			selection: EditorSelection.cursor(head),
			// Undo is for what was typed here: it never brings back another variant's text.
			annotations: [fromOutside.of(true), Transaction.addToHistory.of(false)]
		});
	}

	/** Shows these problems, by line and column of the current text, in the gutter and as marks. */
	setDiagnostics(list: readonly CodeDiagnostic[]): void {
		const state = this.view.state;
		this.view.dispatch(setDiagnostics(state, toLintDiagnostics(state.doc.toString(), list)));
	}

	configure(config: EditorConfig): void {
		this.view.dispatch({ effects: this.settings.reconfigure(this.settingsFor(config)) });
	}

	/** Focuses the editor with the caret at a line and column (1-based), scrolled into view. */
	reveal(line: number, column = 1): void {
		const doc = this.view.state.doc;
		const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
		const pos = Math.min(at.from + column - 1, at.to);
		this.view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
		this.view.focus();
	}

	private destroyed = false;

	destroy(): void {
		this.destroyed = true;
		this.view.destroy();
	}

	private settingsFor(config: EditorConfig): Extension {
		this.description.textContent = config.description;
		const attributes = {
			'aria-label': config.label,
			'aria-describedby': this.description.id,
			'aria-invalid': String(config.invalid),
			// Editable content is in the tab order anyway; saying so lets checkers (axe) see that
			// the scroller around it is reachable by keyboard.
			tabindex: '0'
		};
		return [EditorState.readOnly.of(config.readonly), EditorView.contentAttributes.of(attributes)];
	}
}
