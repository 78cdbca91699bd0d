import http from 'node:http';

/**
 * GETs `path` from a loopback server on a connection of its own (no agent, so no
 * keep-alive connection outlives the request). Resolves with `'<status> <body>'`
 * once the response ended, or with `'cut: <error message>'` when the connection
 * went away first (`'cut: socket hang up'` before any answer, `'cut: aborted'` mid-body).
 */
export function getOnOwnConnection(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    const outgoing = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(`${response.statusCode} ${body}`));
      response.on('error', (error) => resolve(`cut: ${error.message}`));
    });
    outgoing.on('error', (error) => resolve(`cut: ${error.message}`));
  });
}
