// Preloaded (`node --require`) into code-server; the remote extension host inherits the server's
// execArgv, so it is loaded there too. Does something only inside the extension host process, and
// only when KPO_E2E_EXTHOST_OUT names a file.
//
// Why: in code-server the extension host's console reaches the page through the log service with
// printf placeholders left unformatted ("✔ %s (%dms) title 12"). When the workbench payload carries a
// debugId, VS Code also writes each console call natively (formatted by Node) to the extension host's
// stdout/stderr, framed by "\nSTART_NATIVE_LOG\n" ... "\nEND_NATIVE_LOG\n". This preload wraps the
// real stdout/stderr write before VS Code wraps them, and appends what is inside those frames to the
// file, synchronously, so that nothing is lost when the extension host exits.
'use strict';
if (process.env.VSCODE_ESM_ENTRYPOINT === 'vs/workbench/api/node/extensionHostProcess' && process.env.KPO_E2E_EXTHOST_OUT) {
  const fs = require('fs');
  const file = process.env.KPO_E2E_EXTHOST_OUT;
  let fd = null;
  try {
    fd = fs.openSync(file, 'a');
  } catch {}
  if (fd !== null) {
    for (const name of ['stdout', 'stderr']) {
      const stream = process[name];
      const write = stream.write;
      let inNative = false;
      stream.write = function (chunk, encoding, cb) {
        try {
          const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
          if (text === '\nSTART_NATIVE_LOG\n') inNative = true;
          else if (text === '\nEND_NATIVE_LOG\n') inNative = false;
          else if (inNative) fs.writeSync(fd, text);
        } catch {}
        return write.apply(this, arguments);
      };
    }
  }
}
