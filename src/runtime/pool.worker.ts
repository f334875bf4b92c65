// A real pool thread; its API lives in pool-api.ts so tests can drive it over a MessageChannel.
import * as Comlink from 'comlink';
import { READY } from './ready';
import { createPoolApi } from './pool-api';

Comlink.expose(createPoolApi(), self as unknown as Comlink.Endpoint);
self.postMessage(READY);
