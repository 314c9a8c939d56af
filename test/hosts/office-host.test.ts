import { isOpenedInsideOffice } from '../../src/hosts/office-host';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('office.js is loaded only inside Office', () => {
  test('a plain browser page (local mode) does not load it', () => {
    expect(isOpenedInsideOffice('', memoryStorage())).toBe(false);
    expect(isOpenedInsideOffice('?theme=dark', null)).toBe(false);
  });

  test("Office's _host_Info parameter says the page is in Office, and a reload without it still does", () => {
    const storage = memoryStorage();
    expect(isOpenedInsideOffice('?_host_Info=Word$Win32$16.01$en-GB$$$$0', storage)).toBe(true);
    expect(isOpenedInsideOffice('', storage)).toBe(true);
  });

  test('blocked storage does not break detection', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(isOpenedInsideOffice('?_host_Info=Word$Web', throwing)).toBe(true);
    expect(isOpenedInsideOffice('', throwing)).toBe(false);
  });
});
