import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';

describe('passwords (scrypt)', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hashPassword('một câu mật khẩu thật dài');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('một câu mật khẩu thật dài', stored)).toBe(true);
    expect(await verifyPassword('một câu mật khẩu thật dàI', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, and reads Vietnamese typed either way (NFC)', async () => {
    const a = await hashPassword('mật khẩu dài của tôi');
    expect(await hashPassword('mật khẩu dài của tôi')).not.toBe(a);
    expect(await verifyPassword('mật khẩu dài của tôi'.normalize('NFD'), a)).toBe(true);
  });

  it('refuses a malformed or foreign hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});
