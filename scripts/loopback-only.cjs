"use strict";
/**
 * Preload (node --require) for the Agents Playground, which has no host option and calls
 * server.listen(port) on all interfaces: a listen() without a host binds 127.0.0.1 instead, so
 * nothing is exposed beyond this machine. Used by `npm run dev` and the browser tests.
 */
const net = require("net");
const HOST = "127.0.0.1";
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const a = args[0];
  if (typeof a === "number" || (typeof a === "string" && /^\d+$/.test(a))) {
    if (args.length === 1 || typeof args[1] === "function") args.splice(1, 0, HOST);
    else if (args[1] === undefined || args[1] === null || args[1] === "" || args[1] === "::" || args[1] === "0.0.0.0") args[1] = HOST;
  } else if (a && typeof a === "object" && !a._handle && !a.path && !a.fd && a.port !== undefined && !a.host) {
    args[0] = Object.assign({}, a, { host: HOST });
  }
  return listen.apply(this, args);
};
