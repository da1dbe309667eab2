'use strict';
/*
 * Preloaded into the Agents Playground with `node --require`. The Playground calls
 * `server.listen(port)` without a host, which binds every interface; a local test tool that chats with
 * an unauthenticated bot should not be reachable from the network. This pins host-less listens to
 * 127.0.0.1. It changes nothing else.
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' && typeof second !== 'string') {
    args.splice(1, 0, LOOPBACK);
  } else if (typeof first === 'object' && first !== null && 'port' in first && !('host' in first)) {
    args[0] = { ...first, host: LOOPBACK };
  }
  return listen.apply(this, args);
};
