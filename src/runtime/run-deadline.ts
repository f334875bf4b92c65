/**
 * The real run's time-out. It is armed when every worker is up and armed again, from zero, when
 * the server's loop starts the scenario's clock: on a busy machine the hand-over of the run (the
 * scenario, the ports, the RPC worker's attach) can take long, and counting it made runs that
 * complete look hung. The first arming is a fallback for a server that never starts.
 */
export function runDeadline(ms: number, expire: () => void) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const clear = () => clearTimeout(timer);
	return {
		arm(): void {
			clear();
			timer = setTimeout(expire, ms);
		},
		clear
	};
}
