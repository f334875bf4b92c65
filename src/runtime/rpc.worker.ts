// The JSON-RPC server and reader thread; its API lives in rpc-api.ts.
import * as Comlink from 'comlink';
import { READY } from './ready';
import { createRpcApi } from './rpc-api';

Comlink.expose(createRpcApi(), self as unknown as Comlink.Endpoint);
self.postMessage(READY);
