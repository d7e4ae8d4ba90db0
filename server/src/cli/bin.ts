// The kpo-lint executable: wires main() to the process.
import { readDescriptor } from '../node/read';
import { main } from './kpo-lint';

// A reader that goes away (`kpo-lint … | head`) ends the run quietly, as other command-line tools do,
// instead of an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Bytes, decoded by main() as strictly as files are; never more than the size limit.
  readStdin: (maxBytes) => {
    const read = readDescriptor(0, maxBytes);
    return 'error' in read ? read : read.data;
  },
  cwd: process.cwd(),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});
