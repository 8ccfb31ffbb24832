import type { LookupAddress } from 'node:dns';
import {
  assertAllowedHost,
  configureOutboundNetwork,
  guardedLookup,
  PrivateNetworkTargetError,
  UnresolvableTargetError,
} from './outbound-network';

const lookupOnce = (resolve: (host: string) => Promise<LookupAddress[]>, all: boolean) =>
  new Promise<{ err: NodeJS.ErrnoException | null; value: unknown }>((done) =>
    guardedLookup(resolve)('svc.example', { all }, (err, address) => done({ err, value: address })),
  );

describe('outbound network policy', () => {
  afterEach(() => configureOutboundNetwork({ allowPrivateTargets: true }));

  it('refuses, when saving, a literal or a name with any private address', async () => {
    configureOutboundNetwork({ allowPrivateTargets: false });
    await expect(assertAllowedHost('10.0.0.5')).rejects.toThrow(PrivateNetworkTargetError);
    await expect(assertAllowedHost('[::1]')).rejects.toThrow(/\[::1\] is a loopback/);
    await expect(assertAllowedHost('localhost')).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), which is a loopback/,
    );
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    await expect(assertAllowedHost('mixed.example', mixed)).rejects.toThrow(/10\.0\.0\.7/);
    await expect(
      assertAllowedHost('public.example', async () => [{ address: '1.1.1.1', family: 4 }]),
    ).resolves.toBeUndefined();
  });

  it('says so when a name does not exist (and so cannot be shown to be public)', async () => {
    configureOutboundNetwork({ allowPrivateTargets: false });
    const missing = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    await expect(assertAllowedHost('nowhere.invalid', missing)).rejects.toThrow(
      UnresolvableTargetError,
    );
  });

  it('checks again on connect: a name that turned private since it was saved is refused', async () => {
    configureOutboundNetwork({ allowPrivateTargets: false });
    let answer = '93.184.216.34';
    const rebinding = async () => [{ address: answer, family: 4 }];
    await expect(assertAllowedHost('svc.example', rebinding)).resolves.toBeUndefined();
    answer = '127.0.0.1'; // the attacker's DNS changes its answer after the save-time check
    const single = await lookupOnce(rebinding, false);
    expect(single.err).toBeInstanceOf(PrivateNetworkTargetError);
    const all = await lookupOnce(rebinding, true);
    expect(all.err).toBeInstanceOf(PrivateNetworkTargetError);
  });

  it('hands public addresses to the connection in the form net.connect asks for', async () => {
    configureOutboundNetwork({ allowPrivateTargets: false });
    const resolve = async () => [
      { address: '1.1.1.1', family: 4 },
      { address: '2606:4700:4700::1111', family: 6 },
    ];
    expect(await lookupOnce(resolve, false)).toEqual({ err: null, value: '1.1.1.1' });
    expect((await lookupOnce(resolve, true)).value).toHaveLength(2);
  });

  it('lets everything through when private targets are allowed (development and tests)', async () => {
    configureOutboundNetwork({ allowPrivateTargets: true });
    await expect(assertAllowedHost('127.0.0.1')).resolves.toBeUndefined();
    expect(
      (await lookupOnce(async () => [{ address: '10.0.0.1', family: 4 }], false)).err,
    ).toBeNull();
  });
});
