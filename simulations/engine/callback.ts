import type { Action } from './action';

/** A handle in the ready queue. `run` returns an action while the callback still needs time, null once it has returned. */
export interface Callback {
	label: string;
	/** The task whose progress this callback serves, for hang reasons and slow-callback warnings. */
	owner: string;
	/** Background callbacks (heartbeat, lag monitor) never count as progress for requests. */
	background: boolean;
	/** The request this callback reads off its socket, if it does. */
	request?: string;
	run: () => Action | null;
}

/** A callback that does its work at once and returns. */
export function instant(
	label: string,
	owner: string,
	background: boolean,
	effect: () => void
): Callback {
	return {
		label,
		owner,
		background,
		run: () => {
			effect();
			return null;
		}
	};
}
