// The classic Node "ws" chat server scripts/bench compares Natter with (issue 6): on connection a welcome,
// every message broadcast to every client, the sender included. Usage: node ref_ws_server.js PORT
'use strict';
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || 8080);
const wss = new WebSocketServer({ host: '127.0.0.1', port, backlog: 4096 });

wss.on('connection', (ws) => {
  ws.send('welcome');
  ws.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});
wss.on('listening', () => console.log(`ref_ws_server listening on 127.0.0.1:${port}`));
