import { describe, expect, it } from 'vitest';
import { isTokenless } from '../channel.ts';

describe('isTokenless (which calls go out without the token)', () => {
  it('Login and LoginAdmin only, as grpc-js names them (full path)', () => {
    expect(
      isTokenless({
        method_name: '/gsdk.login.Login/Login',
        service_url: 'https://127.0.0.1:4010/gsdk.login.Login',
      }),
    ).toBe(true);
    expect(
      isTokenless({
        method_name: '/gsdk.login.Login/LoginAdmin',
        service_url: 'https://h/gsdk.login.Login',
      }),
    ).toBe(true);
    expect(
      isTokenless({
        method_name: '/gsdk.login.Login/Logout',
        service_url: 'https://h/gsdk.login.Login',
      }),
    ).toBe(false);
    expect(
      isTokenless({
        method_name: '/gsdk.connect_master.ConnectMaster/Connect',
        service_url: 'https://h/gsdk.connect_master.ConnectMaster',
      }),
    ).toBe(false);
  });

  it('also with a bare method name plus service URL', () => {
    expect(isTokenless({ method_name: 'Login', service_url: 'https://h/gsdk.login.Login' })).toBe(
      true,
    );
    expect(isTokenless({ method_name: 'Login', service_url: 'https://h/other.Login' })).toBe(false);
  });
});
