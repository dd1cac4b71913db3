// The chat client of the classic "ws chat" tutorials: prints every message, sends every line typed.
const WebSocket = require('ws');
const readline = require('readline');

const ws = new WebSocket(process.argv[2]);
ws.on('open', () => console.log('connected'));
ws.on('message', (data) => console.log(data.toString()));
ws.on('close', (code) => {
  console.log(`closed ${code}`);
  process.exit(0);
});
ws.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
readline.createInterface({ input: process.stdin }).on('line', (line) => ws.send(line));
