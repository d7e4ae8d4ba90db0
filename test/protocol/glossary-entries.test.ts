// Kinds of glossary entries over the protocol (issue 13): an acronym with two real expansions (RPO),
// well-known acronyms (HR, SLA), contested services (medical billing) and completion with one item per
// entry in the document's spelling.

import * as assert from 'assert';
import type { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, docUri } from './client';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

describe('protocol: kinds of glossary entries', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  describe('an acronym with two real expansions (RPO)', () => {
    it('accepts each expansion, and the hover follows the document\'s own definition', async () => {
      client = await TestClient.start();
      const recruiting = docUri('rpo-recruitment.md');
      await client.open(recruiting, 'Recruitment Process Outsourcing (RPO) fills roles. Our RPO team screens candidates.');
      const research = docUri('rpo-research.md');
      await client.open(research, 'Research Process Outsourcing (RPO) gathers data. Our RPO team writes reports.');
      for (const uri of [recruiting, research]) {
        const { diagnostics } = await client.diagnosticsFor(uri, 1);
        assert.ok(!codes(diagnostics).includes('acronym/wrong-expansion'), JSON.stringify(diagnostics));
        assert.ok(!codes(diagnostics).includes('acronym/undefined'));
      }
      const onRecruiting = await client.hoverText(recruiting, 0, 'Recruitment Process Outsourcing (RPO) fills roles. Our RPO'.length - 1);
      assert.match(onRecruiting, /^\*\*Recruitment Process Outsourcing \(RPO\)\*\*/);
      assert.match(onRecruiting, /can stand for Research Process Outsourcing; this document defines it as above/);
      const onResearch = await client.hoverText(research, 0, 'Research Process Outsourcing (RPO) gathers data. Our RPO'.length - 1);
      assert.match(onResearch, /^\*\*Research Process Outsourcing \(RPO\)\*\*/);
      assert.match(onResearch, /can stand for Recruitment Process Outsourcing/);
    });

    it('undefined, it is asked for with a suggestion, never fixed automatically', async () => {
      client = await TestClient.start();
      const uri = docUri('rpo-undefined.md');
      await client.open(uri, 'Our RPO team screens candidates.');
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      const undefinedRpo = diagnostics.find((d) => d.code === 'acronym/undefined');
      assert.ok(undefinedRpo, JSON.stringify(diagnostics));
      const actions = (await client.codeActions(uri, undefinedRpo.range, [undefinedRpo])) ?? [];
      const expand = actions.filter((a) => /^Expand to/.test(a.title));
      assert.deepStrictEqual(expand.map((a) => a.title), [
        'Expand to “Recruitment Process Outsourcing (RPO)”',
        'Expand to “Research Process Outsourcing (RPO)”',
      ], 'one suggestion per expansion');
      assert.ok(expand.every((a) => a.isPreferred !== true), 'none preferred: the writer chooses');
      assert.match(String(undefinedRpo.message), /Recruitment Process Outsourcing.* or .*Research Process Outsourcing/);
      const fixAll = (await client.codeActions(uri, undefinedRpo.range, [], ['source.fixAll.kpo-glossary'])) ?? [];
      assert.ok(fixAll.every((a) => !a.edit || JSON.stringify(a.edit).indexOf('Recruitment') < 0), 'no automatic expansion');
      assert.match(await client.hoverText(uri, 0, 5), /define it at its first use to say which/);
    });
  });

  it('well-known acronyms (HR, SLA, KPI) need no definition, and still get a hover', async () => {
    client = await TestClient.start();
    const uri = docUri('well-known.md');
    const text = 'Our HR team agreed the SLA and two KPIs. Our KPO desk reports weekly.';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const undefinedOnes = diagnostics.filter((d) => d.code === 'acronym/undefined').map((d) => d.range.start.character);
    assert.deepStrictEqual(undefinedOnes, [text.indexOf('KPO')], 'only KPO is asked for');
    assert.match(await client.hoverText(uri, 0, text.indexOf('HR') + 1), /human resources/i);
    assert.match(await client.hoverText(uri, 0, text.indexOf('SLA') + 1), /service level agreement/i);
  });

  it('contested services (sold both ways) never drive task-mismatch, and their hover says so', async () => {
    client = await TestClient.start();
    const uri = docUri('contested.md');
    const text = 'Knowledge Process Outsourcing (KPO) is our trade. Our KPO desk handles medical billing and data entry.';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const flagged = diagnostics.filter((d) => d.code === 'kpo-bpo/task-mismatch').map((d) => text.slice(d.range.start.character, d.range.end.character));
    assert.deepStrictEqual(flagged, ['data entry'], 'medical billing is contested; data entry is not');
    const hover = await client.hoverText(uri, 0, text.indexOf('medical billing') + 3);
    assert.match(hover, /sold both as KPO and as BPO/);
  });

  describe('completion: one item per entry, in the document\'s spelling', () => {
    for (const [spelling, before, expected] of [
      ['US', 'We standardized the models. Our financial mo', 'financial modeling'],
      ['UK', 'We standardised the modelling. Our financial mo', 'financial modelling'],
    ] as const) {
      it(`${spelling}: “${expected}”, once`, async () => {
        client = await TestClient.start();
        const uri = docUri(`spelling-${spelling}.md`);
        await client.open(uri, before);
        const items: CompletionItem[] = (await client.completion(uri, 0, before.length))!.items;
        const modeling = items.filter((i) => /financial model/i.test(i.label));
        assert.deepStrictEqual(modeling.map((i) => i.label), [expected]);
        assert.strictEqual((modeling[0].textEdit as TextEdit).newText, expected);
      });
    }
  });
});
