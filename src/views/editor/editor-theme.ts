import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

// Everything reads the site's tokens, which light-dark() resolves for the theme on show, so one
// theme serves both and follows the theme switch without reconfiguring the editor.
const tint = (token: string, percent: number) =>
	`color-mix(in srgb, var(${token}) ${percent}%, transparent)`;

const look = EditorView.theme({
	'&': {
		height: '100%',
		color: 'var(--fg)',
		backgroundColor: 'var(--panel)',
		border: '1px solid var(--border)',
		borderRadius: '6px',
		fontSize: '0.85rem'
	},
	'&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '1px' },
	'.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace", lineHeight: '1.5' },
	'.cm-content': { caretColor: 'var(--fg)' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)', borderLeftWidth: '2px' },
	'.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-content ::selection':
		{ backgroundColor: tint('--accent', 30) },
	'.cm-activeLine': { backgroundColor: tint('--accent', 6) },
	'.cm-gutters': {
		backgroundColor: 'var(--panel)',
		color: 'var(--muted)',
		borderRight: '1px solid var(--border)',
		borderRadius: '6px 0 0 6px'
	},
	'.cm-activeLineGutter': { backgroundColor: tint('--accent', 12), color: 'var(--fg)' },
	'&.cm-focused .cm-matchingBracket': {
		backgroundColor: tint('--good', 25),
		outline: '1px solid var(--good)'
	},
	'&.cm-focused .cm-nonmatchingBracket': {
		backgroundColor: tint('--bad', 25),
		outline: '1px solid var(--bad)'
	},
	'.cm-selectionMatch': { backgroundColor: tint('--highlight', 90) },
	'.cm-searchMatch': { backgroundColor: 'var(--highlight)', outline: '1px solid var(--muted)' },
	'.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: tint('--accent', 35) },
	'.cm-lintRange-error': {
		backgroundImage: 'none',
		textDecoration: 'underline wavy var(--bad)',
		textDecorationSkipInk: 'none',
		textDecorationThickness: '1.5px',
		textUnderlineOffset: '2px'
	},
	'.cm-lintRange-warning': {
		backgroundImage: 'none',
		textDecoration: 'underline wavy var(--state-gil)',
		textUnderlineOffset: '3px'
	},
	'.cm-lintRange-info': {
		backgroundImage: 'none',
		textDecoration: 'underline dotted var(--accent)',
		textUnderlineOffset: '3px'
	},
	'.cm-tooltip': {
		backgroundColor: 'var(--bg)',
		color: 'var(--fg)',
		border: '1px solid var(--border)',
		borderRadius: '6px',
		maxWidth: 'min(32rem, 90vw)'
	},
	'.cm-diagnostic': { padding: '0.3rem 0.6rem' },
	'.cm-diagnosticText': { whiteSpace: 'pre-wrap' },
	'.cm-diagnostic-error': { borderLeft: '4px solid var(--bad)' },
	'.cm-diagnostic-warning': { borderLeft: '4px solid var(--state-gil)' },
	'.cm-diagnostic-info': { borderLeft: '4px solid var(--accent)' },
	'.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--fg)' },
	'.cm-panels-top': { borderBottom: '1px solid var(--border)' },
	'.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
	'.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: '0.85rem' },
	'.cm-textfield': {
		backgroundColor: 'var(--bg)',
		color: 'var(--fg)',
		border: '1px solid var(--border)'
	},
	'.cm-button': {
		margin: '0.15rem',
		padding: '0.1rem 0.5rem',
		backgroundImage: 'none',
		backgroundColor: 'var(--bg)',
		color: 'var(--fg)',
		border: '1px solid var(--border)',
		fontWeight: '400'
	},
	'.cm-panel button[name=close]': {
		margin: 0,
		padding: '0 0.3rem',
		backgroundColor: 'transparent',
		color: 'var(--fg)',
		border: 'none'
	}
});

/** The same colours as the lesson's highlighted Python (app.css `--code-*`). */
const colours = HighlightStyle.define([
	{
		tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword],
		color: 'var(--code-keyword)'
	},
	{ tag: [t.bool, t.null, t.self], color: 'var(--code-keyword)' },
	{ tag: [t.string, t.special(t.string)], color: 'var(--code-string)' },
	{ tag: t.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
	{
		tag: [t.propertyName, t.function(t.definition(t.variableName)), t.definition(t.className)],
		color: 'var(--code-title)'
	},
	{ tag: t.number, color: 'var(--code-number)' },
	{ tag: t.invalid, color: 'var(--bad)' }
]);

/** The editor's look and syntax colours, from the site's CSS variables. */
export const labTheme = [look, syntaxHighlighting(colours)];
