// A natter.v1 client in Node: sends each JSON line read from stdin as a frame, prints each frame received.
// An invite link (wss://HOST:PORT/#sha256=FINGERPRINT) is followed as the Natter app does: the server must show
// exactly that certificate. Node consults checkServerIdentity only once a certificate authority has vouched for
// the chain, which nobody does for a self-signed certificate, so the fingerprint is checked as soon as the TLS
// handshake is done, before the WebSocket upgrade is answered and before any frame is sent.
const WebSocket = require('ws');
const crypto = require('crypto');
const readline = require('readline');
const tls = require('tls');

const link = new URL(process.argv[2]);
const pin = link.hash.startsWith('#sha256=') ? link.hash.slice('#sha256='.length).toLowerCase() : '';
link.hash = '';
const options = {};
if (pin) {
  options.rejectUnauthorized = false; // the pin decides, not an authority
  options.createConnection = (connectOptions) => {
    const socket = tls.connect(connectOptions);
    socket.once('secureConnect', () => {
      const fingerprint = crypto.createHash('sha256').update(socket.getPeerCertificate().raw).digest('hex');
      if (fingerprint !== pin)
        socket.destroy(new Error(`not the invited server: certificate ${fingerprint}`));
    });
    return socket;
  };
}

const ws = new WebSocket(link.toString(), 'natter.v1', options);
ws.on('open', () => console.log(JSON.stringify({ type: 'open', protocol: ws.protocol, encrypted: !!ws._socket.encrypted })));
ws.on('message', (data) => console.log(data.toString()));
ws.on('close', (code) => {
  console.log(JSON.stringify({ type: 'close', code }));
  process.exit(0);
});
ws.on('error', (error) => {
  console.log(JSON.stringify({ type: 'failed', reason: error.message }));
  process.exit(1);
});
readline.createInterface({ input: process.stdin }).on('line', (line) => ws.send(line));
