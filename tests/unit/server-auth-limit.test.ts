// Failed authentication is limited per client address as well as per code: a client that
// guesses codes gets 429 after its burst (even with a right code then), another address
// does not, and the limit lifts as the injected clock moves on.
import { describe, expect, it } from 'vitest';
import { addressKey } from '@/server/client-address';
import { serverMessages } from '@/server/server-messages';
import { call, makeInProcessApp, startTestServer } from './server-harness';

function makeApp() {
  const { app, store, advance } = makeInProcessApp({ authFailuresPerMinute: 10 });
  const me = (code: string, address: string) =>
    app.request(
      '/api/me',
      { headers: { authorization: `Bearer ${code}` } },
      { incoming: { socket: { remoteAddress: address } } },
    );
  return { store, me, advance };
}

describe('failed authentication per client address', () => {
  it('answers 429 to an address after its burst of wrong codes, then lets it in again', async () => {
    const { store, me, advance } = makeApp();
    const { code } = store.addUnit('Huyện Đoàn Hồng Dân', false);
    for (let i = 0; i < 10; i += 1)
      expect((await me(`wrong-${i}`, '203.0.113.5')).status).toBe(401);
    const limited = await me('wrong-10', '203.0.113.5');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: 'tooManyFailures',
      message: serverMessages.tooManyFailures,
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A right code from that address waits too: a guesser learns nothing while limited.
    expect((await me(code, '203.0.113.5')).status).toBe(429);
    // Another address, and the same one behind IPv4-mapped IPv6, are counted apart/together.
    expect((await me(code, '198.51.100.7')).status).toBe(200);
    expect((await me(code, '::ffff:203.0.113.5')).status).toBe(429);
    // Right codes cost nothing: the other address stays free after many requests.
    for (let i = 0; i < 20; i += 1) expect((await me(code, '198.51.100.7')).status).toBe(200);
    advance(6_000); // one failure's worth at 10 a minute
    expect((await me(code, '203.0.113.5')).status).toBe(200);
    store.close();
  });

  it('reads the address of a real connection', async () => {
    const server = await startTestServer({ authFailuresPerMinute: 10 });
    try {
      const me = (code: string) => call(`${server.url}/api/me`, { code });
      for (let i = 0; i < 10; i += 1) expect((await me(`wrong-${i}`)).status).toBe(401);
      expect((await me('wrong')).status).toBe(429);
    } finally {
      await server.stop();
    }
  });

  it('counts an IPv6 client by its /64', async () => {
    const { store, me } = makeApp();
    for (let i = 0; i < 10; i += 1) {
      expect((await me(`wrong-${i}`, `2001:db8:1:2::${i + 1}`)).status).toBe(401);
    }
    expect((await me('wrong', '2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await me('wrong', '2001:db8:1:3::1')).status).toBe(401);
    store.close();
  });

  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['2001:db8:0:1::5', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001:0000:0000:0000:0005', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('keys %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
