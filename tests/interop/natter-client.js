// A natter.v1 client in Node: sends each JSON line read from stdin as a frame, prints each frame received.
const WebSocket = require('ws');
const readline = require('readline');

const ws = new WebSocket(process.argv[2], 'natter.v1');
ws.on('open', () => console.log(JSON.stringify({ type: 'open', protocol: ws.protocol })));
ws.on('message', (data) => console.log(data.toString()));
ws.on('close', (code) => {
  console.log(JSON.stringify({ type: 'close', code }));
  process.exit(0);
});
ws.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
readline.createInterface({ input: process.stdin }).on('line', (line) => ws.send(line));
