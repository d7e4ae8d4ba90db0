// Preloaded (node --require) into the CLI and the server by the no-network test: every way Node can
// open a network connection or resolve a name is replaced by a function that records the attempt in
// the file named by KPO_NETWORK_LOG and throws.
'use strict';
const fs = require('fs');
const log = process.env.KPO_NETWORK_LOG;

function trap(name) {
  return function () {
    fs.appendFileSync(log, `${name}\n`);
    throw new Error(`network access attempted: ${name}`);
  };
}

const net = require('net');
net.Socket.prototype.connect = trap('net.Socket.connect');
net.connect = net.createConnection = trap('net.connect');
const tls = require('tls');
tls.connect = trap('tls.connect');
for (const mod of ['http', 'https', 'http2']) {
  const m = require(mod);
  m.request = m.get = trap(`${mod}.request`);
  if (m.connect) m.connect = trap(`${mod}.connect`);
}
const dns = require('dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[fn] = trap(`dns.${fn}`);
dns.promises.lookup = trap('dns.promises.lookup');
require('dgram').createSocket = trap('dgram.createSocket');
globalThis.fetch = trap('fetch');
globalThis.WebSocket = trap('WebSocket');
