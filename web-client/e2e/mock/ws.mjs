// A minimal RFC 6455 WebSocket server side (text frames, close, ping) for the mock server only.
// It handles what browsers send: masked, unfragmented frames.
import { createHash } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Completes the upgrade on `socket` and returns {send(obj), close(), onText, onClose}. */
export function acceptWebSocket(req, socket) {
  const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + GUID).digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const ws = {
    onText: () => {},
    onClose: () => {},
    closed: false,
    send(obj) {
      if (!ws.closed) socket.write(frame(0x1, Buffer.from(JSON.stringify(obj))));
    },
    close() {
      if (ws.closed) return;
      ws.closed = true;
      socket.end(frame(0x8, Buffer.alloc(0)));
      ws.onClose();
    },
  };
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const f = parse(buf);
      if (!f) break;
      buf = buf.subarray(f.size);
      if (f.opcode === 0x1) ws.onText(f.payload.toString('utf8'));
      else if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
      else if (f.opcode === 0x8) ws.close();
    }
  });
  socket.on('end', () => ws.close());
  socket.on('close', () => {
    if (!ws.closed) {
      ws.closed = true;
      ws.onClose();
    }
  });
  socket.on('error', () => {});
  return ws;
}

function frame(opcode, payload) {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n])
    : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff])
      : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(n)]);
  return Buffer.concat([head, payload]);
}

function u64(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** One complete frame at the start of `buf`, or null if more bytes are needed. */
function parse(buf) {
  if (buf.length < 2) return null;
  const opcode = buf[0] & 0x0f;
  const masked = (buf[1] & 0x80) !== 0;
  let len = buf[1] & 0x7f;
  let off = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    off = 4;
  } else if (len === 127) {
    if (buf.length < 10) return null;
    len = Number(buf.readBigUInt64BE(2));
    off = 10;
  }
  const maskOff = off;
  if (masked) off += 4;
  if (buf.length < off + len) return null;
  const payload = Buffer.from(buf.subarray(off, off + len));
  if (masked) for (let i = 0; i < len; i++) payload[i] ^= buf[maskOff + (i & 3)];
  return { opcode, payload, size: off + len };
}
