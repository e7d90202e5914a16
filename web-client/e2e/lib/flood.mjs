// Sends hostile datagrams at the media port: random bytes whose first byte falls in the
// RFC 7983 demultiplexing ranges (STUN 0-3, DTLS 20-63, RTP/RTCP 128-191) or anywhere.
import dgram from 'node:dgram';
import { randomBytes, randomInt } from 'node:crypto';

const RANGES = [
  [0, 3],
  [20, 63],
  [128, 191],
  [0, 255],
];

/** One random datagram; `i` picks the first-byte range so all ranges are covered evenly. */
export function hostileDatagram(i) {
  const buf = randomBytes(randomInt(1, 1401));
  const [lo, hi] = RANGES[i % RANGES.length];
  buf[0] = randomInt(lo, hi + 1);
  // Every eighth STUN-range datagram carries the magic cookie so it gets past a first glance.
  if (lo === 0 && hi === 3 && buf.length >= 20 && i % 8 === 0) buf.writeUInt32BE(0x2112a442, 4);
  return buf;
}

/** Sends `count` datagrams to host:port; resolves with {sent, errors}. */
export async function flood(host, port, count) {
  const socket = dgram.createSocket('udp4');
  let sent = 0;
  let errors = 0;
  const batch = 200;
  try {
    for (let i = 0; i < count; i += batch) {
      const sends = [];
      for (let j = i; j < Math.min(count, i + batch); j++) {
        sends.push(new Promise((resolve) => {
          socket.send(hostileDatagram(j), port, host, (err) => {
            if (err) errors++;
            else sent++;
            resolve();
          });
        }));
      }
      // Waiting per batch keeps the socket buffer from overflowing in the sender itself.
      await Promise.all(sends);
    }
  } finally {
    socket.close();
  }
  return { sent, errors };
}
