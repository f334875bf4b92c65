import {
	createActor,
	type Actor,
	type ActorOptions,
	type AnyActorLogic,
	type EventFromLogic,
	type SnapshotFrom
} from 'xstate';

/**
 * A running XState actor whose latest snapshot Svelte can read: `snapshot` is replaced (never
 * mutated) on every transition, so views re-render exactly when the machine moves.
 */
export class ActorState<TLogic extends AnyActorLogic> {
	snapshot: SnapshotFrom<TLogic> = $state.raw() as SnapshotFrom<TLogic>;
	readonly actor: Actor<TLogic>;

	constructor(logic: TLogic, options?: ActorOptions<TLogic>) {
		this.actor = createActor(logic, options);
		this.snapshot = this.actor.getSnapshot();
		this.actor.subscribe((s) => (this.snapshot = s));
		this.actor.start();
		this.snapshot = this.actor.getSnapshot();
	}

	send(event: EventFromLogic<TLogic>): void {
		this.actor.send(event);
	}

	stop(): void {
		this.actor.stop();
	}
}
