// `tsx --import ./cli/raw-import.mjs …`: lets scripts run by tsx import `?raw` files (see raw-hooks.mjs).
import { register } from 'node:module';

register('./raw-hooks.mjs', import.meta.url);
