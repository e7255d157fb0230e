import { describe, expect, it } from 'vitest';
import { createWorkshopBody, joinCoupleBody, joinWorkshopBody, handshakeAuthSchema, PROTOCOL_VERSION } from '../../lib/protocol';

describe('[R9] HTTP body schemas', () => {
  it('trims and collapses names', () => {
    expect(joinWorkshopBody.parse({ name: '  Ana   María ' })).toEqual({ name: 'Ana María' });
  });

  it('rejects empty, overlong, control characters and unknown fields', () => {
    expect(joinWorkshopBody.safeParse({ name: '   ' }).success).toBe(false);
    expect(joinWorkshopBody.safeParse({ name: 'x'.repeat(41) }).success).toBe(false);
    expect(joinWorkshopBody.safeParse({ name: 'A\u0000na' }).success).toBe(false);
    expect(joinWorkshopBody.safeParse({ name: 'Ana', admin: true }).success).toBe(false);
    expect(createWorkshopBody.safeParse({ title: 42 }).success).toBe(false);
    expect(createWorkshopBody.safeParse({ title: 'x'.repeat(121) }).success).toBe(false);
  });

  it('[R2] normalises pair codes', () => {
    expect(joinCoupleBody.parse({ pairCode: 'abc-234' })).toEqual({ pairCode: 'ABC234' });
    expect(joinCoupleBody.safeParse({ pairCode: 'abc' }).success).toBe(false);
  });

  it('[R20] accepts host and participant handshakes and nothing else', () => {
    const token = 'x'.repeat(43);
    expect(handshakeAuthSchema.safeParse({ role: 'participant', protocol: PROTOCOL_VERSION, token }).success).toBe(true);
    expect(handshakeAuthSchema.safeParse({ role: 'host', protocol: PROTOCOL_VERSION, code: 'abcd efgh', hostKey: token }).success).toBe(true);
    expect(handshakeAuthSchema.safeParse({ role: 'host', protocol: PROTOCOL_VERSION, code: 'nope', hostKey: token }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse({ role: 'admin', protocol: PROTOCOL_VERSION, token }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse(null).success).toBe(false);
  });
});
