// The usual glossary categories and what each does, for the server's YAML completion and hover and
// the client's "Add to the workspace glossary" quick pick.

// A null-prototype object: a category named "constructor" or "toString" is looked up as any other.
export const CATEGORIES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'kpo-service': 'A knowledge service, done with expert judgment: the KPO vs BPO rules count it as KPO work.',
  'bpo-task': 'A routine, rule-based task: the KPO vs BPO rules flag it when it is sold as KPO work.',
  concept: 'A general notion. Hover and completion only.',
  'outsourcing-model': 'A kind of outsourcing (LPO, RPO, ITO). Hover and completion; with "side", its mentions say which side a sentence speaks of.',
  'delivery-model': 'Where and how work is delivered (offshore, captive centre, BOT). Hover and completion only.',
  contract: 'Proposal, contract and pricing vocabulary (RFP, SLA, fixed price). Hover and completion only.',
  industry: 'An industry, named in other entries’ "industry". Hover and completion only.',
  characteristic: 'A trait of a kind of outsourcing. Hover and completion only.',
  advantage: 'A benefit of a kind of outsourcing. Hover and completion only.',
  challenge: 'A risk or difficulty. Hover and completion only.',
  destination: 'A country or region work is outsourced to. Hover and completion only.',
});
