import type { LaneState } from '../views/stage/state-style';

/** The two themes a picture can be drawn in. */
export type PictureTheme = 'light' | 'dark';

/** The colours a picture uses, by role. */
export interface Palette {
	bg: string;
	fg: string;
	muted: string;
	panel: string;
	border: string;
	accent: string;
	bad: string;
	lanes: Record<LaneState, string>;
	/** The patterns' marks: `--pattern-alarm-ink` and `--pattern-mark-ink`. */
	ink: { alarm: string; mark: string };
}

// A picture is drawn outside the page (a README, a PNG), where app.css's light-dark() variables
// do not exist, so it carries the values themselves. test/export/picture-palette.test.ts checks
// them against app.css, so the two cannot drift apart.
export const PALETTES: Record<PictureTheme, Palette> = {
	light: {
		bg: '#ffffff',
		fg: '#1b1f24',
		muted: '#4a5260',
		panel: '#f3f5f8',
		border: '#c4cad3',
		accent: '#0b57d0',
		bad: '#a4161a',
		lanes: {
			running: '#1a4fb8',
			blocked: '#c0262d',
			'thread-blocked': '#8aa6c4',
			gil: '#8a6d00',
			awaiting: '#1e9c80',
			queued: '#7d8796',
			asleep: '#a9b3c1'
		},
		ink: { alarm: '#4d0609', mark: '#0d1117' }
	},
	dark: {
		bg: '#121417',
		fg: '#e6e8eb',
		muted: '#b3bac5',
		panel: '#1c1f24',
		border: '#3a404a',
		accent: '#8ab4f8',
		bad: '#ffb4ab',
		lanes: {
			running: '#9abfff',
			blocked: '#ff6b6b',
			'thread-blocked': '#56708c',
			gil: '#e3c04a',
			awaiting: '#2aa386',
			queued: '#858fa0',
			asleep: '#4a5566'
		},
		ink: { alarm: '#4d0609', mark: '#f0f2f5' }
	}
};
