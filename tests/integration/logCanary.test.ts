import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addEntry, answerText, listEntries } from '../../lib/board/schema';
import { BRING_NEED, SUPPORT } from '../../lib/catalogue/catalogue';
import { privateDocName } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth, hostCommand, participantAuth, projectorAuth } from '../helpers/controlClient';
import { tempDataDir } from '../helpers/server';
import { startServerProcess } from '../helpers/serverProcess';
import { eventually } from '../helpers/wait';
import { closeCodeOf, connectBoard } from '../helpers/yjsClient';

/**
 * Logs never carry board content, names or secrets. A production server process logs at debug
 * (the most it ever says) through a whole round: joining, pairing, typing on both phones, a
 * private-first answer and its reveal, the room wall, the end, review links, both exports, the
 * summary, a deletion, and refusals (wrong pair code, unknown token, unknown review secret).
 * Its whole output is then searched for every name, every text typed and every secret of the
 * round. The log is shown to say something about each of these steps (route patterns, ids), so
 * the search covers the lines that would leak if a caller logged a name, a path or a payload.
 */
const hex = () => randomBytes(5).toString('hex');

describe('[R47] logs', () => {
  it('are JSON lines and hold no name, entry, answer, host key, token, pair code or review secret of a full round', { timeout: 60_000 }, async () => {
    const server = await startServerProcess({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'debug' });
    const api = new ApiClient(server.url);
    const canaries: Record<string, string> = {
      nameA: `Zyxanda${hex()}`,
      nameB: `Qorvath${hex()}`,
      entryA: `entry canary ${hex()}`,
      entryB: `entry canary ${hex()}`,
      answerA: `private canary ${hex()}`,
    };
    const workshop = await api.createWorkshop('Log round', [BRING_NEED, SUPPORT]);
    const { a, b, couple } = await api.coupleInWorkshop([canaries.nameA, canaries.nameB], workshop.code);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    Object.assign(canaries, {
      hostKey: workshop.hostKey,
      tokenA: a.token,
      tokenB: b.token,
      pairCode: couple.pairCode,
      reviewA: meA.reviewUrl.split('/review/')[1],
      reviewB: meB.reviewUrl.split('/review/')[1],
    });

    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    const projector = connectControl(server.url, projectorAuth(workshop.code));
    const phones = [a, b].map((p) => connectControl(server.url, participantAuth(p.token)));
    const boardA = connectBoard(meA.board!);
    const boardB = connectBoard(meB.board!);
    await Promise.all([boardA.synced(), boardB.synced()]);
    await eventually(() => expect(host.latest.snapshot?.couples).toHaveLength(1));

    await hostCommand(host.socket, { type: 'goTo', step: 0 });
    addEntry(boardA.doc, { id: 'e1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, canaries.entryA);
    addEntry(boardB.doc, { id: 'e2', exercise: BRING_NEED.id, column: 'need', author: 'b', createdAt: 2 }, canaries.entryB);
    await eventually(() => expect(listEntries(boardA.doc, BRING_NEED.id).map((e) => e.text.toString()).sort()).toEqual([canaries.entryA, canaries.entryB].sort()));
    await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id)).toHaveLength(2));

    const proposed = await phones[0].socket.timeout(5_000).emitWithAck('share:propose', { docName: meA.board!.docName, entryId: 'e1' });
    if (!proposed.ok) throw new Error(proposed.code);
    await eventually(() => expect(phones[1].latest.self?.couple?.shares).toHaveLength(1));
    expect(await phones[1].socket.timeout(5_000).emitWithAck('share:answer', { id: proposed.id, agree: true })).toEqual({ ok: true });
    await eventually(() => expect(host.latest.snapshot?.wall).toHaveLength(1));
    expect(await host.socket.timeout(5_000).emitWithAck('host:wall', { id: proposed.id, action: 'approve' })).toMatchObject({ ok: true });
    await eventually(() => expect(projector.latest.projector?.wall.map((w) => w.text)).toEqual([canaries.entryA]));

    await hostCommand(host.socket, { type: 'next' });
    const privateA = connectBoard({ ...meA.board!, docName: privateDocName(couple.coupleId, SUPPORT.id, 'a') });
    await privateA.synced();
    answerText(privateA.doc, SUPPORT.id, 'hard-to-ask', 'a', 3).insert(0, canaries.answerA);
    for (const phone of phones) await phone.socket.timeout(5_000).emitWithAck('ready', { ready: true });
    await eventually(() => expect(host.latest.snapshot?.couples[0].current).toMatchObject({ entries: 1, revealed: true }));

    // Refusals, each of which carries a secret the caller got wrong (or right, elsewhere).
    // The first character is swapped for one it is not, so the wrong token is always wrong.
    const wrongToken = `${a.token.startsWith('x') ? 'y' : 'x'}${a.token.slice(1)}`;
    expect((await api.request('POST', `/api/workshops/${workshop.code}/couples/join`, { pairCode: 'ZZZZZZ' }, a.token)).status).toBe(404);
    expect((await api.request('GET', '/api/me', undefined, wrongToken)).status).toBe(401);
    expect((await api.request('GET', `/api/review/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await closeCodeOf(`${meA.board!.serverUrl}/${meA.board!.docName}?token=${wrongToken}`)).code).toBe(4401); // the retired ?token=, never logged
    await hostCommand(host.socket, { type: 'end' });


    expect((await api.request('GET', `/api/review/${canaries.reviewA}`)).status).toBe(200);
    for (const ext of ['md', 'pdf']) expect((await fetch(`${server.url}/review/${canaries.reviewB}/export.${ext}`)).status).toBe(200);
    expect((await api.request('GET', `/api/workshops/${workshop.code}/summary`, undefined, workshop.hostKey)).status).toBe(200);
    for (const d of [boardA, boardB, privateA]) d.destroy();
    for (const c of [host, projector, ...phones]) c.close();
    expect((await api.request('DELETE', `/api/review/${canaries.reviewA}`, { confirm: true })).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const log = server.output();
    const lines = log.split('\n').filter((line) => line.trim() !== '');
    const records = lines.map((line) => JSON.parse(line) as { level: string; time: string; msg: string });
    for (const r of records) expect(Object.keys(r)).toEqual(expect.arrayContaining(['level', 'time', 'msg']));

    // The log speaks about every step of the round, by route and by id...
    const said = records.map((r) => r.msg);
    for (const expected of [
      'api POST /api/workshops/:code/participants 201',
      'api POST /api/workshops/:code/couples/join 404',
      'api GET /api/me 401',
      'api GET /api/review/:secret 404',
      'api GET /api/review/:secret 200',
      'api DELETE /api/review/:secret 200',
      'export GET /review/:secret/export.md 200',
      'export GET /review/:secret/export.pdf 200',
      'board connection refused: 4401',
      `control: participant ${a.participantId} connected to workshop ${workshop.code}`,
      `board ${meA.board!.docName}: participant ${a.participantId} connected (write)`,
      `board ${privateDocName(couple.coupleId, SUPPORT.id, 'a')}: participant ${a.participantId} connected (write)`,
      'SIGTERM: storing what is pending',
    ]) {
      expect(said.some((m) => m.startsWith(expected)), expected).toBe(true);
    }
    // ...and never names a person, says what they wrote, or gives away a secret.
    for (const [what, canary] of Object.entries(canaries)) {
      expect(log.includes(canary), `${what} in the log`).toBe(false);
      expect(log.toLowerCase().includes(canary.toLowerCase()), `${what} (any case) in the log`).toBe(false);
    }
    if (process.env.SHOW_LOG) console.log(log);
    console.log(`[logs] ${lines.length} log lines of a full round at debug: no name, text or secret among ${Object.keys(canaries).length} canaries`);
  });
});
