// The server: its own event loop runs the scenario's handlers; the API lives in server-api.ts.
import * as Comlink from 'comlink';
import { READY } from './ready';
import { createServerApi } from './server-api';

Comlink.expose(createServerApi(), self as unknown as Comlink.Endpoint);
self.postMessage(READY);
