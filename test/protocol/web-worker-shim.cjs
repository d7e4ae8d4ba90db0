// Runs the web-worker build of the language server (dist/web/server.js, argv[2]) in a Node child
// process, for the protocol tests: the worker's `self` becomes this process's IPC channel, so the test
// client talks to the very bundle VS Code for the Web starts, with IPCMessageReader/Writer. Messages
// are the same objects a worker's postMessage carries.
globalThis.self = {
  set onmessage(listener) {
    process.on('message', (data) => listener({ data }));
  },
  addEventListener() {},
  postMessage(message) {
    process.send(message);
  },
};
require(process.argv[2]);
