import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { inviteOperator, type InvitedOperator } from './support/invited-operator';
import { englishLeftovers } from './support/visible-text';
import { waitUntil } from './support/wait-until';

/**
 * The inbox in the operator's language (issue 15, Languages): chosen in the profile, else the
 * browser's; Russian and Bulgarian plural forms on real counts; no English left on the Russian
 * screens; a change in the profile redraws everything at once.
 */
describe('inbox: every operator in their own language', () => {
  let h: InboxHarness;
  let russian: InvitedOperator;
  let bulgarian: InvitedOperator;
  let browserLanguage: InvitedOperator;

  // Customers whose conversations carry 1, 2, 5 and 21 unread messages, and one to open.
  const counted = { 1: 'Ирина Волкова', 2: 'Олег Соколов', 5: 'Вера Морозова', 21: 'Глеб Орлов' };
  const opened = 'Дмитрий Ковалёв';
  // Tags on 1, 2, 5 and 21 conversations: "N conversations" in the tag settings.
  const tagged = { 1: 'один', 2: 'два', 5: 'пять', 21: 'много' } as const;
  // Brand and product names that stay as they are in every language.
  const BRANDS = ['Switchboard', 'Shop API', 'API', 'Anna Schmidt', 'Ctrl', 'Cmd', 'Esc'];

  beforeAll(async () => {
    h = await InboxHarness.start();
    const others = Array.from({ length: 17 }, (_, i) => `Клиент ${i + 1}`);
    for (const name of others) await h.customer(name).say(`Здравствуйте, это ${name}`);
    for (const [count, name] of Object.entries(counted)) {
      const customer = h.customer(name);
      for (let i = 1; i <= Number(count); i++) await customer.say(`Сообщение ${i} от ${name}`);
    }
    await h.customer(opened).say('Где мой заказ? Жду уже неделю.');

    // 21 conversations besides the opened one (4 counted + 17 others): the first N of them get the tag for N.
    const names = [...Object.values(counted), ...others];
    const ids: string[] = [];
    for (const name of names) ids.push((await h.conversationOf(name)).id);
    for (const [count, tag] of Object.entries(tagged))
      for (const id of ids.slice(0, Number(count)))
        await h.admin.ok('POST', `/api/conversations/${id}/tags`, { name: tag });

    russian = await inviteOperator(
      h.admin,
      { name: 'Ольга Смирнова', email: 'olga@example.test' },
      { locale: 'ru', timezone: 'Europe/Moscow' },
    );
    bulgarian = await inviteOperator(
      h.admin,
      { name: 'Мария Иванова', email: 'maria@example.test' },
      { locale: 'bg', timezone: 'Europe/Sofia' },
    );
    browserLanguage = await inviteOperator(
      h.admin,
      { name: 'Ника Браун', email: 'nika@example.test' },
      { locale: null, timezone: 'Europe/Berlin' },
    );
  });

  afterAll(async () => {
    await h?.stop();
  });

  const row = (ui: InboxPage, name: string) =>
    ui.page.locator('[data-testid=feed-row]').filter({ hasText: name });
  const unreadLabel = (ui: InboxPage, name: string) =>
    row(ui, name).locator('.unread-badge').getAttribute('aria-label');
  const tagCount = (ui: InboxPage, tag: string) =>
    ui.page
      .locator(`[data-testid=tags-admin-row][data-tag="${tag}"] .settings-hint`)
      .first()
      .textContent();
  const text = (ui: InboxPage, selector: string) => ui.page.locator(selector).first().innerText();
  /** The "Open" tab's label, without its count. */
  const openTab = (ui: InboxPage) =>
    ui.page.locator('[data-testid=tab-open]').evaluate((el) => el.firstChild?.textContent ?? '');

  /** Fails with every English text found, so a leftover is named, not just counted. */
  async function expectNoEnglish(ui: InboxPage, screen: string): Promise<void> {
    const names = [russian.name, bulgarian.name, browserLanguage.name];
    expect({ screen, english: await englishLeftovers(ui.page, [...BRANDS, ...names]) }).toEqual({
      screen,
      english: [],
    });
  }

  async function openTagSettings(ui: InboxPage): Promise<void> {
    await ui.toggleSettings(true);
    await ui.page.click('[data-testid=settings-tags]');
    await ui.page.waitForSelector(`[data-testid=tags-admin-row][data-tag="${tagged[21]}"]`);
  }

  it('shows a Russian operator the whole inbox in Russian, with Russian plurals', async () => {
    // The browser says English: the profile's choice wins.
    const ui = await h.openPage(undefined, { locale: 'en-GB' });
    try {
      await ui.login(russian);
      expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('ru');
      expect(await openTab(ui)).toBe('Открытые');
      await row(ui, counted[21]).waitFor();

      expect(await unreadLabel(ui, counted[1])).toBe('1 непрочитанное сообщение');
      expect(await unreadLabel(ui, counted[2])).toBe('2 непрочитанных сообщения');
      expect(await unreadLabel(ui, counted[5])).toBe('5 непрочитанных сообщений');
      expect(await unreadLabel(ui, counted[21])).toBe('21 непрочитанное сообщение');

      await ui.openRow(opened);
      expect(await text(ui, '[data-testid=conversation-status]')).toBe('Открыт');
      expect(await ui.page.getAttribute('[data-testid=composer-input]', 'placeholder')).toBe(
        'Ответ через API…',
      );
      expect(await text(ui, '[data-testid=composer-send]')).toBe('Отправить');
      await expectNoEnglish(ui, 'feed and conversation');
      await ui.screenshot('inbox-ru');

      await ui.page.click('[data-testid=composer-mode-note]');
      expect(await ui.page.getAttribute('[data-testid=composer-input]', 'placeholder')).toMatch(
        /^Внутренняя заметка/,
      );
      await expectNoEnglish(ui, 'composer, note');
      await ui.page.click('[data-testid=composer-mode-message]');

      await ui.page.click('[data-testid=action-snooze]');
      await ui.page.waitForSelector('[data-testid=snooze-menu]');
      const menu = await text(ui, '[data-testid=snooze-menu]');
      expect(menu).toContain('Через час');
      expect(menu).toContain('Выбрать дату и время');
      await expectNoEnglish(ui, 'snooze menu');
      await ui.page.keyboard.press('Escape');

      await openTagSettings(ui);
      expect(await text(ui, '.settings__nav h1')).toBe('Каналы');
      expect(await tagCount(ui, tagged[1])).toBe('1 диалог');
      expect(await tagCount(ui, tagged[2])).toBe('2 диалога');
      expect(await tagCount(ui, tagged[5])).toBe('5 диалогов');
      expect(await tagCount(ui, tagged[21])).toBe('21 диалог');
      await expectNoEnglish(ui, 'settings, tags');

      await ui.page.locator('[data-testid=settings-inbox]').first().click();
      await ui.page.waitForSelector('[data-testid=settings-detail-heading]');
      await expectNoEnglish(ui, 'settings, inbox');
      await ui.page.click('[data-testid=settings-people]');
      await expectNoEnglish(ui, 'settings, people');
      // A new web chat starts with a greeting in the operator's language (visitors see it as is).
      await ui.page.click('[data-testid=settings-new-webchat]');
      expect(await ui.page.inputValue('[name=greeting]')).toBe('Здравствуйте! Чем можем помочь?');
      await expectNoEnglish(ui, 'settings, new web chat');

      await ui.page.click('[data-testid=profile-open]');
      await ui.page.waitForSelector('[data-testid=profile-dialog]');
      expect(await ui.page.locator('select[name=locale] option[value=""]').textContent()).toBe(
        'Как в этом браузере',
      );
      await expectNoEnglish(ui, 'profile');
      await ui.page.keyboard.press('Escape');
      await ui.toggleSettings(false);

      await ui.page.click('[data-testid=notification-centre-button]');
      await ui.page.waitForSelector('[data-testid=notification-panel]');
      await expectNoEnglish(ui, 'notifications');
      await ui.page.keyboard.press('Escape');

      await ui.page.click('[data-testid=shortcuts-open]');
      await ui.page.waitForSelector('[data-testid=shortcuts-dialog]');
      await expectNoEnglish(ui, 'shortcuts');
      await ui.page.keyboard.press('Escape');
      for (const screen of ['contacts', 'tasks', 'automation', 'reports']) {
        await ui.page.click(`[data-testid=nav-${screen}]`);
        // Each screen is its own chunk: wait for it, then for what it loads.
        await ui.page.waitForSelector(`[data-testid=${screen}-screen]:not([aria-busy=true])`);
        await ui.page.waitForLoadState('networkidle');
        await expectNoEnglish(ui, screen);
      }
      await ui.page.click('[data-testid=nav-automation]');
      await ui.page.click('[data-testid=rule-new]');
      await ui.page.waitForLoadState('networkidle');
      await expectNoEnglish(ui, 'rule editor');
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });

  it('shows a Bulgarian operator the inbox in Bulgarian, with Bulgarian plurals', async () => {
    const ui = await h.openPage(undefined, { locale: 'en-GB' });
    try {
      await ui.login(bulgarian);
      expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('bg');
      expect(await openTab(ui)).toBe('Отворени');
      await row(ui, counted[5]).waitFor();
      expect(await unreadLabel(ui, counted[1])).toBe('1 непрочетено съобщение');
      expect(await unreadLabel(ui, counted[5])).toBe('5 непрочетени съобщения');
      await ui.openRow(opened);
      expect(await text(ui, '[data-testid=composer-send]')).toBe('Изпрати');
      await ui.screenshot('inbox-bg');

      await openTagSettings(ui);
      expect(await tagCount(ui, tagged[1])).toBe('1 разговор');
      expect(await tagCount(ui, tagged[5])).toBe('5 разговора');
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });

  /** The status tabs fit the feed: nothing scrolled away, no label clipped to an ellipsis. */
  async function tabsOverflow(ui: InboxPage): Promise<string[]> {
    return ui.page.locator('[role=tablist].tabs').evaluate((list) => {
      const box = list.getBoundingClientRect();
      const problems: string[] = [];
      if (list.scrollWidth > list.clientWidth)
        problems.push(`scrolls: ${list.scrollWidth} > ${list.clientWidth}`);
      for (const tab of list.querySelectorAll<HTMLElement>('[role=tab]')) {
        const r = tab.getBoundingClientRect();
        const label = tab.querySelector<HTMLElement>('.tabs__label');
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          problems.push(`${tab.textContent} outside`);
        if (label && label.scrollWidth > label.clientWidth)
          problems.push(
            `${tab.textContent} clipped: ${label.scrollWidth} > ${label.clientWidth} in ${box.width}`,
          );
      }
      return problems;
    });
  }

  it('fits the Russian and Bulgarian status tabs on a desktop and on a phone', async () => {
    for (const operator of [russian, bulgarian])
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        const ui = await h.openPage(viewport, { locale: 'en-GB' });
        try {
          await ui.login(operator);
          await row(ui, counted[21]).waitFor();
          await ui.page.waitForSelector('[data-testid=count-closed]');
          expect({ operator: operator.name, viewport, problems: await tabsOverflow(ui) }).toEqual({
            operator: operator.name,
            viewport,
            problems: [],
          });
        } finally {
          await ui.close();
        }
      }
  });

  it('says a server refusal in the operator’s language, not the server’s English', async () => {
    // The shortcut is taken already: the server refuses a second reply with it (409 CONFLICT).
    await russian.client.ok('POST', '/api/canned-replies', {
      title: 'Доставка',
      shortcut: 'dostavka',
      body: 'Ваш заказ в пути.',
    });
    const ui = await h.openPage(undefined, { locale: 'en-GB' });
    try {
      await ui.login(russian);
      await ui.toggleSettings(true);
      await ui.page.click('[data-testid=settings-canned-replies]');
      await ui.page.locator('[data-testid=canned-new]').first().click();
      const form = ui.page.locator('[data-testid=canned-form]');
      await form.locator('input[id$=-title]').fill('Доставка ещё раз');
      await form.locator('input[id$=-shortcut]').fill('dostavka');
      await form.locator('textarea[id$=-body]').fill('Заказ уже у курьера.');
      await form.locator('button[type=submit]').click();
      const alert = form.locator('[role=alert]');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        'Не удалось сохранить: Конфликт с уже существующими или только что изменёнными данными. ' +
          'Обновите страницу и повторите.',
      );
      await expectNoEnglish(ui, 'a refused canned reply');
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });

  it('follows the browser when the operator chose no language', async () => {
    const inRussian = await h.openPage(undefined, { locale: 'ru-RU' });
    try {
      // Before sign-in the browser's language is all there is.
      await inRussian.page.goto(h.api.baseUrl + '/');
      expect(await text(inRussian, 'button[type=submit]')).toBe('Войти');
      await inRussian.login(browserLanguage);
      expect(await inRussian.page.evaluate(() => document.documentElement.lang)).toBe('ru-RU');
      expect(await openTab(inRussian)).toBe('Открытые');
    } finally {
      await inRussian.close();
    }

    const inGerman = await h.openPage(undefined, { locale: 'de-DE' });
    try {
      // No German catalog: English, the reference.
      await inGerman.login(browserLanguage);
      expect(await openTab(inGerman)).toBe('Open');
      // The check the Russian screens pass does see English when it is there.
      expect((await englishLeftovers(inGerman.page, BRANDS)).length).toBeGreaterThan(10);
      expect(inGerman.pageErrors).toEqual([]);
    } finally {
      await inGerman.close();
    }
  });

  it('redraws the whole inbox at once when the language changes in the profile', async () => {
    const ui = await h.openPage(undefined, { locale: 'de-DE' });
    try {
      await ui.login(browserLanguage);
      await ui.openRow(opened);
      expect(await openTab(ui)).toBe('Open');

      await ui.page.click('[data-testid=profile-open]');
      await ui.page.selectOption('select[name=locale]', 'ru');
      await ui.page.click('[data-testid=profile-dialog] button[type=submit]');
      // No reload: feed, conversation and composer all speak Russian together.
      await waitUntil(
        async () => (await openTab(ui)) === 'Открытые',
        async () => `tab reads ${await openTab(ui)}`,
      );
      expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await ui.waitForConversation(opened);
      expect(await text(ui, '[data-testid=conversation-status]')).toBe('Открыт');
      expect(await text(ui, '[data-testid=composer-send]')).toBe('Отправить');
      await expectNoEnglish(ui, 'after switching to Russian');
      const me = await browserLanguage.client.ok<{ operator: { locale: string | null } }>(
        'GET',
        '/api/auth/session',
      );
      expect(me.operator.locale).toBe('ru');

      // "Same as this browser" again: back to the browser's language, English here.
      await ui.page.click('[data-testid=profile-open]');
      await ui.page.selectOption('select[name=locale]', '');
      await ui.page.click('[data-testid=profile-dialog] button[type=submit]');
      await waitUntil(
        async () => (await openTab(ui)) === 'Open',
        async () => `tab reads ${await openTab(ui)}`,
      );
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });
});
