// What the server says when it cannot listen: the port, why, and the command that works instead.
// Node's own message ("listen EADDRINUSE: address already in use 127.0.0.1:5174") says neither
// what holds the port nor what to do.

/** The one line printed when the server cannot listen on `port` (127.0.0.1). */
export function listenError(error: NodeJS.ErrnoException, port: number): string {
  const another = `\`npm run dashboard -- --port ${port === 0 ? 5180 : port + 1}\` (--port 0 picks a free one)`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on 127.0.0.1 is in use (another dashboard, or another server): stop what holds it, or give another port with ${another}.`;
    case 'EACCES':
      return `Port ${port} on 127.0.0.1 needs privileges this process does not have: give a port from 1024 up with ${another}.`;
    default:
      return `The dashboard cannot listen on 127.0.0.1:${port} (${error.message}): give another port with ${another}.`;
  }
}
