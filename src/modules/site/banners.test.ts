import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { privateDatabase } from '../../../tests/helpers/db.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import {
  createBanner,
  endBanner,
  isBannerLink,
  pageBanners,
  readPageBanners,
  type BannerInput,
} from './banners.ts';
import { urls } from './urls.ts';
import { typedMomentOf } from './when.ts';

describe('warning banners', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let editor: TestUser;
  let adm: TestClient;
  let coord: TestClient;
  let ed: TestClient;
  const anon = () => new TestClient(t.app);
  const HOUR = 3_600_000;

  const input = (over: Partial<BannerInput> = {}): BannerInput => ({
    level: 'warning',
    message: 'Storm',
    linkUrl: null,
    linkText: null,
    startsAt: new Date(Date.now() - HOUR),
    endsAt: new Date(Date.now() + HOUR),
    countyCode: '03',
    ...over,
  });

  const bannersOn = (page: Page): string[] =>
    page.doc.querySelectorAll('.sv-warning .sv-warning__message span').map((s) => s.text);

  let drop: () => Promise<void>;
  beforeAll(async () => {
    // A database of its own: the banners in force here would show on the pages of every other test file.
    const own = await privateDatabase();
    drop = own.drop;
    t = await buildTestApp({ database: own.database });
    const db = t.app.deps.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '03' });
    coordinator = await createTestUser(db, 'national_coordinator');
    editor = await createTestUser(db, 'county_editor', { countyCode: '03' });
    adm = new TestClient(t.app);
    coord = new TestClient(t.app);
    ed = new TestClient(t.app);
    await adm.login(admin.email, admin.password);
    await coord.login(coordinator.email, coordinator.password);
    await ed.login(editor.email, editor.password);
  });
  afterAll(async () => {
    await t.close();
    await drop();
  });

  const errorOf = (page: Page, field: string) =>
    page.doc.querySelector(`#${field}-error`)?.text.replace('Fel:', '').trim();

  it('refuses bad input beside each field, keeping it', async () => {
    const page = await adm.submit(urls.newBanner('uppsala'), {
      level: 'panik',
      message: 'x'.repeat(301),
      linkUrl: 'javascript:alert(1)',
      startsDate: '2030-05-02',
      startsTime: '10.00',
      endsDate: '2030-05-01',
      endsTime: '10.00',
    });
    expect(page.status).toBe(400);
    expect(errorOf(page, 'level')).toBe('Välj hur allvarligt meddelandet är');
    expect(errorOf(page, 'message')).toBe('Meddelandet får ha högst 300 tecken (nu 301)');
    expect(errorOf(page, 'linkUrl')).toContain('https://');
    expect(errorOf(page, 'endsDate')).toBe('Varningen måste sluta efter att den börjar');
    expect(page.doc.querySelector('#linkUrl')?.getAttribute('value')).toBe('javascript:alert(1)');
    expect(isBannerLink('https://www.krisinformation.se/')).toBe(true);
    expect(isBannerLink('/uppsala/kris')).toBe(true);
    expect(isBannerLink('//evil.example')).toBe(false);
    expect(isBannerLink('data:text/html,x')).toBe(false);
  });

  it('a county admin’s banner shows on every page of the county, signed in or not, and nowhere else', async () => {
    const start = typedMomentOf(new Date(Date.now() - HOUR));
    const end = typedMomentOf(new Date(Date.now() + 2 * HOUR));
    const saved = await adm.submit(urls.newBanner('uppsala'), {
      level: 'critical',
      message: 'Vattenläcka i Uppsala: koka vattnet',
      linkUrl: 'https://www.uppsala.se/',
      linkText: 'Läs mer hos kommunen',
      startsDate: start.date,
      startsTime: start.time,
      endsDate: end.date,
      endsTime: end.time,
    });
    expect(saved.status).toBe(303);
    for (const path of ['/uppsala/', urls.countyNews('uppsala')]) {
      const page = await anon().get(path);
      expect(bannersOn(page)).toContain('Vattenläcka i Uppsala: koka vattnet');
      const region = page.doc.querySelector('.sv-warning')!;
      // A region named by its heading; no live region, nothing that takes the focus.
      expect(page.doc.getElementById(region.getAttribute('aria-labelledby')!)?.text).toBe(
        'Allvarlig varning',
      );
      expect(page.doc.querySelector('.sv-warnings [aria-live], .sv-warnings [role="alert"]')).toBeNull();
      expect(page.doc.querySelector('.sv-warning__link')?.getAttribute('href')).toBe(
        'https://www.uppsala.se/',
      );
    }
    expect(bannersOn(await ed.get(urls.news('uppsala')))).toContain('Vattenläcka i Uppsala: koka vattnet');
    expect(bannersOn(await anon().get('/vasternorrland/'))).toEqual([]);
    expect(bannersOn(await anon().get('/'))).toEqual([]);
    // The county's list says it is active; a county editor cannot reach the banners at all.
    expect((await adm.get(urls.banners('uppsala'))).doc.querySelector('main table')?.text).toContain('Aktiv');
    expect((await ed.get(urls.banners('uppsala'))).status).toBe(404);
  });

  it('the coordinator’s banner for every county shows in every county; one for a chosen county only there', async () => {
    const start = typedMomentOf(new Date(Date.now() - HOUR));
    const end = typedMomentOf(new Date(Date.now() + HOUR));
    const times = { startsDate: start.date, startsTime: start.time, endsDate: end.date, endsTime: end.time };
    await coord.submit(urls.newNationalBanner(), {
      level: 'info',
      message: 'Driftstörning',
      where: 'all',
      ...times,
    });
    await coord.submit(urls.newNationalBanner(), {
      level: 'warning',
      message: 'Brandrisk i norr',
      where: '22',
      ...times,
    });
    for (const path of ['/', '/uppsala/', '/vasternorrland/', '/skane/'])
      expect(bannersOn(await anon().get(path))).toContain('Driftstörning');
    expect(bannersOn(await anon().get('/vasternorrland/'))).toContain('Brandrisk i norr');
    expect(bannersOn(await anon().get('/uppsala/'))).not.toContain('Brandrisk i norr');
    // The county admin sees the national one listed, but cannot change it.
    const list = await adm.get(urls.banners('uppsala'));
    expect(list.doc.querySelector('main')?.text).toContain('Driftstörning');
    const national = (await coord.get(urls.nationalBanners())).doc.querySelector('main table')!;
    expect(national.text).toContain('Västernorrlands län');
  });

  it('appears at its start and disappears at its end, by the clock (kept until then)', async () => {
    const db = t.app.deps.db;
    const now = Date.now();
    const banner = await createBanner(
      db,
      admin.actor,
      '03',
      input({ message: 'Kort fönster', startsAt: new Date(now + 1200), endsAt: new Date(now + 2400) }),
    );
    // By the rule, at different times.
    const at = async (ms: number) =>
      (await readPageBanners(db, '03', new Date(ms))).banners.map((b) => b.message);
    expect(await at(now)).not.toContain('Kort fönster');
    expect((await readPageBanners(db, '03', new Date(now))).until).toBeLessThanOrEqual(now + 1200);
    expect(await at(now + 1500)).toContain('Kort fönster');
    expect(await at(now + 2500)).not.toContain('Kort fönster');
    // The kept value: read now, then after the start and after the end without any write between.
    const kept = async () => (await pageBanners(db, '03')).banners.map((b) => b.message);
    expect(await kept()).not.toContain('Kort fönster');
    await new Promise((r) => setTimeout(r, now + 1500 - Date.now()));
    expect(await kept()).toContain('Kort fönster');
    expect(bannersOn(await anon().get('/uppsala/'))).toContain('Kort fönster');
    await new Promise((r) => setTimeout(r, now + 2500 - Date.now()));
    expect(await kept()).not.toContain('Kort fönster');
    expect(bannersOn(await anon().get('/uppsala/'))).not.toContain('Kort fönster');
    expect(banner.id).toBeTruthy();
  });

  it('ends a banner now; ending it again is 409; another county’s is 404', async () => {
    const db = t.app.deps.db;
    const banner = await createBanner(db, admin.actor, '03', input({ message: 'Avslutas snart' }));
    expect(bannersOn(await anon().get('/uppsala/'))).toContain('Avslutas snart');
    const ended = await adm.submit(
      urls.editBanner('uppsala', banner.id),
      {},
      urls.endBanner('uppsala', banner.id),
    );
    expect(ended.status).toBe(303);
    expect(bannersOn(await anon().get('/uppsala/'))).not.toContain('Avslutas snart');
    const again = await adm.post(urls.endBanner('uppsala', banner.id), { _csrf: await adm.csrfToken() });
    expect(again.status).toBe(409);
    expect(again.doc.querySelector('.govuk-error-summary')?.text).toContain('Varningen har redan upphört');
    await expect(endBanner(db, admin.actor, '03', banner.id)).rejects.toThrow('Varningen har redan upphört');
    const theirs = await createBanner(
      db,
      coordinator.actor,
      'all',
      input({ countyCode: '22', message: 'Norr' }),
    );
    expect((await adm.get(urls.editBanner('uppsala', theirs.id))).status).toBe(404);
    expect((await adm.get(urls.editBanner('vasternorrland', theirs.id))).status).toBe(404);
  });
});
