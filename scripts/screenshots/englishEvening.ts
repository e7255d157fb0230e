import { expect, type Page } from '@playwright/test';
import { addEntry, answerText, setLink, setMarker } from '../../lib/board/schema';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { CreateCohostResponse, CreateWorkshopResponse } from '../../lib/protocol';
import { seatPhone } from '../../tests/e2e/support';
import { apiOf, entryShown, must, openBoard, participantSocket, pathOf, phone, screen, scrollTo, shot, type Room } from './room';

const [BRING_NEED, SPECTRUM, SUPPORT] = libraryFor('en');
const TITLE = 'Spring evening for couples';
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const LAPTOP = { width: 1440, height: 900 };
/** 0 … 1 along a spectrum of four stops. */
const STOP = [0, 1 / 3, 2 / 3, 1] as const;

/** Words of the people in the room, as they would write them. */
const WORDS = {
  mayaBring: ['I notice when you’re tired and put the kettle on', 'Patience with paperwork: the bills, the forms, the calls nobody wants to make'],
  mayaNeed: 'Sunday mornings to myself, with no plans',
  danielBring: ['I make you laugh when the day has been long', 'I take the kids to the park on Sunday mornings'],
  danielNeed: 'To hear it when something I did helped',
  wallOne: 'We laugh at the same things, even on the hard days',
  wallTwo: 'Calm when plans fall apart',
  note: 'Take your time. We gather again at a quarter past.',
};

/**
 * The English evening: a facilitator with a co-host, three couples (two partners join on their
 * phones by hand, the others are seated through the API), three exercises, the wall and the
 * projector's spotlight, a pause, the end and the closing pulse, the summary and a review.
 */
export async function englishEvening(room: Room): Promise<void> {
  const api = apiOf(room);
  const closers: (() => unknown)[] = [];
  try {
    // The facilitator names the workshop and keeps the library's agenda.
    const desk = await screen(room, LAPTOP);
    closers.push(() => desk.context.close());
    const host = desk.page;
    await host.goto('/host/new');
    await host.getByLabel('Workshop title').fill(TITLE);
    await expect(host.getByRole('heading', { name: 'Exercise library' })).toBeVisible();
    await shot(room, host, 'agenda', { full: true });
    const created = host.waitForResponse((r) => new URL(r.url()).pathname === '/api/workshops' && r.request().method() === 'POST');
    await host.getByRole('button', { name: 'Create workshop' }).click();
    const { code, hostKey } = (await (await created).json()) as CreateWorkshopResponse;
    await expect(host.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

    // Maya joins with the code on her phone and starts the board; Daniel joins her with the pair code.
    const maya = await phone(room);
    const daniel = await phone(room);
    closers.push(() => maya.context.close(), () => daniel.context.close());
    await maya.page.goto(`/join/${code}`);
    await maya.page.getByLabel('Your first name').fill('Maya');
    await expect(maya.page.getByRole('button', { name: 'Continue' })).toBeEnabled();
    await shot(room, maya.page, 'join');
    await maya.page.getByRole('button', { name: 'Continue' }).click();
    await maya.page.getByRole('button', { name: 'Start our board' }).click();
    const pairCode = (await maya.page.getByText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/).first().textContent())!.trim();
    await daniel.page.goto(`/join/${code}`);
    await daniel.page.getByLabel('Your first name').fill('Daniel');
    await daniel.page.getByRole('button', { name: 'Continue' }).click();
    await daniel.page.getByRole('button', { name: 'Join my partner' }).click();
    await daniel.page.getByLabel('Pair code').fill(pairCode);
    await daniel.page.getByRole('button', { name: 'Join partner' }).click();
    await expect(daniel.page.getByRole('heading', { name: "You're in" })).toBeVisible();
    const tokenOf = (page: Page) => page.evaluate((c) => window.localStorage.getItem(`twofold:token:${c}`)!, code);
    const [mayaToken, danielToken] = await Promise.all([tokenOf(maya.page), tokenOf(daniel.page)]);

    // Two more couples: Priya and Sam on phones, Lucía and Tom online from the room's other side.
    const second = await api.coupleInWorkshop(['Priya', 'Sam'], code);
    const third = await api.coupleInWorkshop(['Lucía', 'Tom'], code);
    const priya = await phone(room);
    const sam = await phone(room);
    closers.push(() => priya.context.close(), () => sam.context.close());
    for (const [p, token] of [[priya, second.a.token], [sam, second.b.token]] as const) {
      await seatPhone(p.page, code, token);
      await p.page.goto(`/w/${code}`);
      await expect(p.page.getByRole('heading', { name: "You're in" })).toBeVisible();
    }
    const sockets = await Promise.all([second.a.token, second.b.token, third.a.token, third.b.token, mayaToken, danielToken].map((t) => participantSocket(room, t)));
    closers.push(() => sockets.forEach((s) => s.close()));
    const [priyaSocket, samSocket, luciaSocket, tomSocket, mayaSocket, danielSocket] = sockets;

    // A co-host, invited from the console, opens the console on her phone and gives her name.
    const made = host.waitForResponse((r) => r.url().endsWith('/cohosts') && r.request().method() === 'POST');
    await host.getByRole('button', { name: 'Invite a co-host' }).click();
    const invite = (await (await made).json()) as CreateCohostResponse;
    const grace = await phone(room);
    closers.push(() => grace.context.close());
    await grace.page.goto(pathOf(invite.url));
    await grace.page.getByLabel('Your name on the consoles').fill('Grace');
    await grace.page.getByRole('button', { name: 'Save name' }).click();
    await expect(grace.page.getByText('Saved. The other hosts see your name now.')).toBeVisible();
    const hosting = host.getByRole('region', { name: 'Hosting now' });
    await expect(hosting).toContainText('Grace');
    await expect(hosting).toContainText('Facilitator (you)');
    await expect(host.getByRole('button', { name: 'Copy join link' })).toBeVisible();
    await expect(host.locator('img[alt^="QR code"]')).toBeVisible();
    await shot(room, host, 'console', { until: hosting });

    // The first exercise, with a countdown.
    await host.getByRole('button', { name: `Start ${BRING_NEED.title}` }).first().click();
    for (const p of [maya, daniel, priya, sam]) await expect(p.page.getByRole('heading', { name: 'What I bring', exact: true })).toBeVisible();
    await host.getByRole('group', { name: 'Start a countdown' }).getByRole('button', { name: /suggested/ }).click();
    await expect(maya.page.getByRole('timer').first()).toContainText(/1[12]:\d\d/);

    // Maya writes on her phone; what Daniel and the others write reaches the server by their boards.
    for (const text of WORDS.mayaBring) {
      await maya.page.getByRole('button', { name: 'Add to What I bring' }).click();
      await maya.page.getByLabel('Your entry in What I bring').last().fill(text);
    }
    // A board connection writes for its own seat only: one per person.
    const boards = await Promise.all([mayaToken, danielToken, second.a.token, second.b.token, third.a.token, third.b.token].map((t) => openBoard(room, t)));
    closers.push(() => boards.forEach((b) => b.close()));
    const [mayaDoc, danielDoc, priyaDoc, samDoc, luciaDoc, tomDoc] = boards.map((b) => b.doc);
    const ex = BRING_NEED.id;
    const at = Date.now();
    WORDS.danielBring.forEach((text, i) => addEntry(danielDoc, { id: `bring-daniel-${i}`, exercise: ex, column: 'bring', author: 'b', createdAt: at + i }, text));
    addEntry(danielDoc, { id: 'bring-daniel-calm', exercise: ex, column: 'bring', author: 'b', createdAt: at + 2 }, WORDS.wallTwo);
    addEntry(danielDoc, { id: 'need-daniel', exercise: ex, column: 'need', author: 'b', createdAt: at + 3 }, WORDS.danielNeed);
    addEntry(mayaDoc, { id: 'need-maya', exercise: ex, column: 'need', author: 'a', createdAt: at + 4 }, WORDS.mayaNeed);
    await expect.poll(() => mayaDoc.getMap('entries').has('bring-daniel-1')).toBe(true);
    setLink(mayaDoc, 'need-maya', 'bring-daniel-1');
    addEntry(priyaDoc, { id: 'bring-priya', exercise: ex, column: 'bring', author: 'a', createdAt: at }, WORDS.wallOne);
    addEntry(samDoc, { id: 'need-sam', exercise: ex, column: 'need', author: 'b', createdAt: at }, 'A slow breakfast together once a week');
    addEntry(luciaDoc, { id: 'bring-lucia', exercise: ex, column: 'bring', author: 'a', createdAt: at }, 'I remember the small things you mention once');
    addEntry(tomDoc, { id: 'bring-tom', exercise: ex, column: 'bring', author: 'b', createdAt: at }, 'I fix things before you notice they are broken');
    await entryShown(maya.page, WORDS.danielBring[1]);
    await expect(host.getByRole('row').filter({ hasText: 'Maya' }).getByText(/7 entries/).first()).toBeVisible();

    // Two entries go to the room wall: proposed, agreed by the partner, approved on the console.
    for (const [proposer, agreer, docName, entryId] of [
      [priyaSocket, samSocket, `board.${second.couple.coupleId}`, 'bring-priya'],
      [danielSocket, mayaSocket, (await api.me(mayaToken)).board!.docName, 'bring-daniel-calm'],
    ] as const) {
      const { id } = await must(proposer.timeout(5_000).emitWithAck('share:propose', { docName, entryId }), 'share:propose');
      await must(agreer.timeout(5_000).emitWithAck('share:answer', { id: id!, agree: true }), 'share:answer');
    }
    const wall = host.getByRole('region', { name: 'Room wall' });
    for (const text of [WORDS.wallOne, WORDS.wallTwo]) {
      await wall.locator('li').filter({ hasText: text }).getByRole('button', { name: 'Approve' }).click();
    }
    await expect(wall.getByText('On the wall (2)')).toBeVisible();

    await expect(maya.page.getByText('Saved', { exact: true })).toBeVisible();
    await maya.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Where her own entries end and Daniel's begin: the board both phones share.
    await scrollTo(maya.page.getByRole('heading', { name: 'What Daniel brings' }), 330);
    await shot(room, maya.page, 'board', { scrolled: true });
    const theirNow = grace.page.getByRole('heading', { level: 2, name: BRING_NEED.title });
    await expect(grace.page.getByRole('row').filter({ hasText: 'Maya' }).getByText(/7 entries/).first()).toBeVisible();
    await expect(theirNow).toBeVisible();
    await shot(room, grace.page, 'console-phone');

    // The projector: the exercise and the wall, then one entry large and alone.
    const wallScreen = await screen(room, { width: 1920, height: 1080 });
    closers.push(() => wallScreen.context.close());
    const projector = wallScreen.page;
    // Headless Chromium lets sound start without a gesture; a projector's browser does not. As there,
    // the sound waits for a first tap (the facilitator's), so the picture never catches it half-decided.
    await wallScreen.context.addInitScript(() => {
      let tapped = false;
      for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, () => (tapped = true), { capture: true });
      const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!.get!;
      Object.defineProperty(BaseAudioContext.prototype, 'state', {
        get(this: BaseAudioContext) {
          return tapped ? state.call(this) : 'suspended';
        },
      });
    });
    await projector.goto(`/present/${code}`);
    // The one tap a projector's browser asks for before it may chime.
    await projector.getByRole('button', { name: 'Turn on the time-up sound' }).click();
    await expect(projector.getByRole('button', { name: 'Turn on the time-up sound' })).toHaveCount(0);
    await expect(projector.getByText(WORDS.wallOne)).toBeVisible();
    await expect(projector.getByText(WORDS.wallTwo)).toBeVisible();
    await expect(projector.getByText(/^1[12]:\d\d$/)).toBeVisible();
    await shot(room, projector, 'projector');
    await wall.locator('li').filter({ hasText: WORDS.wallOne }).getByRole('button', { name: 'Spotlight this entry on the projector' }).click();
    const spotlight = projector.getByRole('figure', { name: 'Entry in the spotlight' });
    await expect(spotlight.getByText(WORDS.wallOne)).toBeVisible();
    await shot(room, projector, 'spotlight');
    await wall.getByRole('button', { name: 'Back to the wall' }).click();
    await expect(spotlight).toHaveCount(0);

    // The spectrum, private first: Maya and Daniel tap ready on their phones; the facilitator reveals the rest.
    await host.getByRole('button', { name: 'Next exercise' }).click();
    await expect(maya.page.getByRole('region', { name: 'Your markers' })).toBeVisible();
    const spots: Record<string, [number, number]> = { money: [3, 0], home: [1, 1], feelings: [3, 2], friends: [0, 3], work: [2, 2], family: [3, 1] };
    // Private first: each person's markers live in a doc of their own until the reveal.
    const drafts = await Promise.all([mayaToken, danielToken, second.a.token, third.b.token].map((t) => openBoard(room, t, SPECTRUM.id)));
    closers.push(() => drafts.forEach((d) => d.close()));
    for (const [area, [a, b]] of Object.entries(spots)) {
      setMarker(drafts[0].doc, SPECTRUM.id, area, 'a', STOP[a]);
      setMarker(drafts[1].doc, SPECTRUM.id, area, 'b', STOP[b]);
      setMarker(drafts[2].doc, SPECTRUM.id, area, 'a', STOP[(a + 1) % 4]);
      setMarker(drafts[3].doc, SPECTRUM.id, area, 'b', STOP[b]);
    }
    await expect(maya.page.getByRole('group', { name: 'Money' }).getByRole('radio', { name: 'Interdependence' })).toBeChecked();
    for (const p of [maya, daniel]) await p.page.getByRole('button', { name: "I'm ready" }).click();
    await expect(maya.page.getByText('You are both ready', { exact: true })).toBeVisible();
    await host.getByRole('button', { name: 'Reveal for everyone' }).click();
    await host.getByRole('dialog', { name: 'Reveal for everyone?' }).getByRole('button', { name: 'Yes, reveal now' }).click();
    await expect(priya.page.getByText('The facilitator revealed this exercise', { exact: true })).toBeVisible();
    await expect(maya.page.getByText('You are both at Dependence.').first()).toBeVisible();
    await scrollTo(maya.page.getByText('Exercise 2 of 5', { exact: true }), 76);
    await shot(room, maya.page, 'reveal', { scrolled: true });

    // Supporting and being supported: answers, then Sam asks for a pause, and the facilitator sends a note.
    await host.getByRole('button', { name: 'Next exercise' }).click();
    await expect(priya.page.getByLabel(QUESTION)).toBeVisible();
    const answers = await Promise.all([second.a.token, mayaToken].map((t) => openBoard(room, t, SUPPORT.id)));
    closers.push(() => answers.forEach((d) => d.close()));
    answerText(answers[0].doc, SUPPORT.id, 'feel-supported', 'a', Date.now()).insert(0, 'When you make space for my quiet mornings');
    answerText(answers[1].doc, SUPPORT.id, 'feel-supported', 'a', Date.now()).insert(0, 'When you ask how my day really was, and wait for the answer');
    await expect(priya.page.getByLabel(QUESTION)).toHaveValue('When you make space for my quiet mornings');
    await sam.page.getByRole('button', { name: 'Ask for a pause' }).click();
    await expect(priya.page.getByRole('heading', { name: 'Sam asked for a pause' })).toBeVisible();
    const requests = host.getByRole('region', { name: 'A couple asked for a pause' });
    await requests.getByRole('button', { name: 'I have seen it: pause of Priya and Sam' }).click();
    const note = host.getByRole('region', { name: 'A note to every phone' });
    await note.getByLabel('One line for every phone').fill(WORDS.note);
    await note.getByRole('button', { name: 'Send to every phone' }).click();
    await expect(priya.page.getByRole('note', { name: 'From the facilitator' })).toContainText(WORDS.note);
    await expect(priya.page.getByText('The facilitator has seen it.')).toBeVisible();
    await shot(room, priya.page, 'pause');
    await sam.page.getByRole('button', { name: 'Resume' }).click();
    await expect(requests).toHaveCount(0);

    // The end, and the closing pulse: Maya answers on her phone, the others from theirs.
    await host.getByRole('button', { name: 'End workshop' }).click();
    await host.getByRole('button', { name: 'Yes, end workshop' }).click();
    const pulse = maya.page.getByRole('region', { name: 'How was this for you?' });
    await expect(pulse).toBeVisible();
    await pulse.getByRole('radio', { name: '5' }).check({ force: true });
    await pulse.getByRole('textbox', { name: 'One word, if you like' }).fill('grateful');
    await pulse.getByRole('button', { name: 'Send' }).click();
    await expect(pulse.getByText('Thank you, your answer is in. You can change it here.')).toBeVisible();
    await scrollTo(pulse, 124); // under the status bar and its "ended" line
    await shot(room, maya.page, 'pulse', { scrolled: true });
    const pulses: [typeof mayaSocket, 1 | 2 | 3 | 4 | 5, string | null][] = [
      [danielSocket, 4, 'lighter'],
      [priyaSocket, 4, 'closer'],
      [samSocket, 3, 'tired'],
      [luciaSocket, 5, 'hopeful'],
      [tomSocket, 4, null],
    ];
    for (const [socket, score, word] of pulses) await must(socket.timeout(5_000).emitWithAck('pulse:answer', { score, word }), 'pulse:answer');

    // Afterwards: the facilitator's summary and Maya's review link.
    await host.goto(`/host/${code}/summary#key=${hostKey}`);
    await expect(host.getByRole('region', { name: 'How was this for them?' }).getByText('6 people answered.')).toBeVisible();
    await shot(room, host, 'summary', { full: true });
    const reader = await screen(room, LAPTOP);
    closers.push(() => reader.context.close());
    await reader.page.goto(new URL((await api.me(mayaToken)).reviewUrl).pathname);
    await expect(reader.page.getByRole('heading', { name: TITLE })).toBeVisible();
    await entryShown(reader.page, WORDS.mayaBring[0]);
    await shot(room, reader.page, 'review');
  } finally {
    for (const close of closers.reverse()) await close();
  }
}
