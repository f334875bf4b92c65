import type { LaneState } from '../views/stage/timeline-model';

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
}

// A picture is drawn outside the page (a README, a PNG), where app.css's light-dark() variables
// do not exist, so it carries the values themselves. test/views/picture-palette.test.ts checks
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
			running: '#1d5fd0',
			blocked: '#c0262d',
			gil: '#b35c00',
			awaiting: '#2e8540',
			queued: '#8792a2',
			asleep: '#d6dbe3'
		}
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
			running: '#6fa3ff',
			blocked: '#ff6b6b',
			gil: '#f0a34a',
			awaiting: '#5cc97a',
			queued: '#7c8696',
			asleep: '#2c323b'
		}
	}
};
