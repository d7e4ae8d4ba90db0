// Who a phrase is said of. The two KPO-vs-BPO rules ask: does this unit (sentence, list item, table
// row, heading) present this task, service or trait as KPO work, or as BPO work? The answer must be
// explainable from the words quoted, so a side is claimed only in a few readings, and never when the
// sentence is unsure of itself:
//
// - a sentence that asks, denies, excludes, contrasts the two sides, tells a history or a career,
//   reports a trend, hedges, or talks about what things are called ("sold as KPO") makes no claim;
// - in a sentence, the side is the nearest KPO or BPO mention before the phrase (a clause naming its
//   own side wins: "…hire a BPO vendor for payroll; for valuation work, a KPO firm"), and it must
//   govern the phrase: a short run of verbs of doing, offering and including ("our KPO team handles
//   data entry", "examples of KPO include …"), or, with the phrase first, a copula or apposition
//   ("data entry is a KPO service", "data entry, a core KPO task");
// - a trait needs a stronger tie: the side is what the trait describes ("KPO work is repetitive",
//   "BPO requires advanced degrees", "cheap KPO"); a trait that is a selling point anyone may claim
//   (innovation, expertise, insight) counts only as a plain predicate ("BPO is innovation-led"), never
//   when a vendor says it brings it;
// - a table cell takes the side of its column's header ("| KPO | BPO |"), or of a row that pairs it
//   with a side ("| Data entry | KPO |");
// - a list item that is just the service ("- Data entry", "- **Payroll** for 40 countries") takes the
//   side of the sentence that introduces the list, its parent item, or the heading above, when that
//   names one side and says what it offers ("Our KPO services include:", "## KPO services");
// - a glossary-style definition ("**Medical transcription** — …; a core KPO service") takes the side it
//   names as the service's kind.

import type { BlockAnalysis, DocumentAnalysis, Mention, Unit } from '../analysis';
import type { GlossaryIndex, Side, TraitRef } from '../glossary/index';
import type { Token } from '../match/tokens';
import { countBefore } from '../search';

export interface SideClaim {
  side: Side;
  /** The KPO or BPO mention that makes the claim, when it is in the same unit (a fix may switch it). */
  marker?: Mention;
  /** Where the side came from, for the message. */
  from: 'sentence' | 'column' | 'row' | 'list' | 'heading' | 'definition';
  /** The words that make the claim ("our KPO team", "Our KPO services include:"), as offsets. */
  evidence: { start: number; end: number };
}

// ---------------------------------------------------------------------------------------------- cues

/** Words that deny or exclude: what follows them is not claimed (what comes before may be). */
const NEGATING = new Set([
  'not', 'never', 'no', 'none', 'nor', 'neither', 'without', 'cannot', 'nothing', 'hardly', 'rarely', 'seldom',
  'except', 'excluding', 'exclude', 'excludes', 'excluded', 'exclusion', 'exclusions', 'instead', 'rather', 'beyond',
]);
/** Words that compare: a sentence that compares makes no claim of one side alone. */
const CONTRASTING = new Set([
  'unlike', 'than', 'versus', 'vs', 'compared', 'comparing', 'comparison', 'contrast', 'whereas', 'differ', 'differs', 'different',
  'difference', 'differences', 'distinct', 'distinguish', 'distinguishes', 'opposed', 'alternative', 'alternatives',
]);
/** Words of talk about names and labels: "sold as KPO", "so-called", "a myth". */
const META = new Set([
  'called', 'label', 'labels', 'labelled', 'labeled', 'mislabel', 'mislabelled', 'mislabeled', 'mislabelling',
  'mislabeling', 'relabel', 'relabelled', 'rebrand', 'rebranded', 'rebranding', 'branded', 'marketed', 'sold', 'sell', 'sells',
  'pitched', 'dressed', 'masquerade', 'masquerading', 'disguised', 'confuse', 'confused', 'confuses', 'confusion', 'mistake',
  'mistaken', 'mistakenly', 'misconception', 'myth', 'myths', 'wrongly', 'misclassified', 'misclassify', 'supposedly',
  'pretend', 'pretends', 'claimed', 'describe', 'describes', 'described', 'acronym', 'abbreviation',
]);
/** Words of selling that are talk about names only with "as": "sold as KPO", not "we sell KPO services such as …". */
const SELLING = new Set(['sold', 'sell', 'sells', 'marketed', 'branded']);
/** Words of history, careers and change. */
const HISTORY = new Set([
  'began', 'begun', 'grew', 'grown', 'evolved', 'evolve', 'evolves', 'evolving', 'evolution', 'emerged', 'emergence', 'origin',
  'origins', 'originally', 'initially', 'formerly', 'previously', 'ago', 'decades',
  'earlier', 'history', 'career', 'careers', 'graduated', 'promoted', 'promotion', 'transitioned', 'outgrew', 'legacy',
  'until', 'era', 'started', 'joined',
]);
/** Words of trends, hedges and conditions. */
const HEDGE = new Set([
  'if', 'unless', 'whether', 'increasingly', 'blur', 'blurs', 'blurring', 'blurred', 'converge', 'converging',
  'convergence', 'expect', 'expects', 'expected', 'expecting', 'perhaps', 'arguably', 'debate', 'debated', 'question',
  'asks', 'ask', 'wonder', 'said', 'says', 'respondents', 'surveyed',
]);

/** Verbs (and list cues) by which a subject offers, does or includes the work that follows: "our KPO team handles". */
const DOING_VERBS = new Set([
  'handle', 'handles', 'handled', 'handling', 'deliver', 'delivers', 'delivered', 'delivering', 'provide', 'provides',
  'provided', 'providing', 'offer', 'offers', 'offered', 'offering', 'cover', 'covers', 'covered', 'covering', 'include',
  'includes', 'included', 'including', 'run', 'runs', 'running', 'perform', 'performs', 'performed', 'performing', 'do',
  'does', 'doing', 'did', 'manage', 'manages', 'managed', 'managing', 'take', 'takes', 'took', 'taking', 'specialise',
  'specialises', 'specialize', 'specializes', 'specialising', 'specializing', 'focus', 'focuses', 'focused', 'focusing',
  'support', 'supports', 'supported', 'carry', 'carries', 'carried', 'undertake', 'undertakes', 'undertaken', 'encompass',
  'encompasses', 'span', 'spans', 'prepare', 'prepares', 'produce', 'produces', 'staffs', 'dominated', 'dominate',
  'dominates', 'such', 'like', 'e', 'eg', 'namely', 'consist', 'consists', 'involve', 'involves', 'start', 'starts',
  'put', 'puts', 'place', 'places', 'assign', 'assigns', 'sells', 'supplies', 'supply', 'bring', 'brings', 'add', 'adds',
  'added', 'cover', 'covers', 'own', 'owns', 'are', 'is', 'means', 'excel', 'excels', 'gets', 'get', 'handles', 'meant',
  'mean', 'amounts', 'amount', 'comes', 'come', 'boils', 'equals', 'earns', 'earn', 'runs', 'operates', 'be', 'were',
  'was',
]);
/** Words of the subject before the verb: "our offshore KPO operations team in …". */
const SUBJECT_WORDS = new Set([
  'team', 'teams', 'unit', 'arm', 'practice', 'partner', 'partners', 'firm', 'firms', 'provider', 'providers', 'vendor',
  'vendors', 'centre', 'center', 'centres', 'centers', 'operations', 'operation', 'analysts', 'people', 'staff', 'desk',
  'desks', 'seats', 'floor', 'services', 'service', 'work', 'engagement', 'engagements', 'contract', 'offering', 'offerings',
  'division', 'business', 'group', 'model', 'industry', 'sector', 'market', 'examples', 'example', 'typical', 'of', 'the',
  'side', 'house', 'for', 'us', 'we', 'they', 'hub', 'hubs', 'and', 'be', 'might', 'may', 'could', 'would', 'contracts',
  'signed', 'last', 'year', 'common', 'mandate', 'mandates', 'stream', 'workstream', 'seat', 'its', 'own',
  'a', 'an', 'our', 'your', 'their', 'its', 'this', 'that', 'these', 'those', 'most', 'many', 'all', 'every', 'also',
  'now', 'currently', 'already', 'today', 'will', 'shall', 'can', 'to', 'usually', 'typically', 'often', 'mainly',
  'mostly', 'largely', 'primarily', 'in', 'at', 'based', 'who', 'which', 'that', 'new', 'smaller', 'larger', 'main',
  'core', 'dedicated', 'existing', 'current', 'offshore', 'onshore', 'nearshore', 'global', 'specialist', 'set', 'up',
]);
/** Words that may stand between a task named first and its side: "data entry is a core KPO service". */
const NAMED_AS = new Set([
  'is', 'are', 'a', 'an', 'the', 'one', 'of', 'our', 'their', 'its', 'part', 'core', 'typical', 'classic', 'key', 'main',
  'standard', 'common', 'commonly', 'as', 'under', 'through', 'via', 'to', 'into', 'within', 'by', 'in', 'also', 'usually',
  'typically', 'often', 'mostly', 'largely', 'essentially', 'really', 'truly', 'considered', 'treated', 'delivered', 'done',
  'handled', 'run', 'offered', 'provided', 'performed', 'bought', 'purchased', 'procured', 'outsourced', 'moved', 'sent',
  'given', 'assigned', 'falls', 'fall', 'belongs', 'belong', 'sits', 'sit', 'most', 'popular', 'frequently', 'widely',
  'well', 'known', 'established', 'growing', 'fastest', 'largest', 'biggest', 'leading', 'important', 'healthcare', 'legal',
  'financial', 'finance', 'engineering', 'clinical', 'medical', 'research', 'analytics', 'offshore', 'specialist',
  'specialised', 'specialized', 'high', 'value', 'will', 'be', 'was', 'were', 'been', 'move', 'send', 'give', 'hand',
  'outsource', 'service', 'services', 'work', 'task', 'tasks', 'function', 'offering', 'team', 'unit', 'partner', 'vendor',
  'provider', 'firm', 'desk', 'arm', 'generally', 'classed', 'classified', 'counted', 'regarded', 'seen', 'viewed', 'new',
  'existing', 'lines', 'line', 'my', 'shall', 'must', 'should', 'fully', 'entirely', 'partly', 'clearly', 'simply', 'plain',
  'on', 'other', 'hand', 'firmly', 'squarely', 'routine', 'simple', 'basic', 'pure', 'straightforward', 'back', 'office',
  'transactional', 'however', 'though', 'indeed',
]);

/** Words between a side and a trait that say what the side is or needs ("KPO work is largely repetitive"). */
const PREDICATING = new Set([
  'is', 'are', 'be', 'been', 'being', 'was', 'were', 'remains', 'remain', 'tends', 'tend', 'to', 'generally', 'typically',
  'usually', 'mostly', 'largely', 'essentially', 'inherently', 'fundamentally', 'basically', 'by', 'its', 'their', 'nature',
  'always', 'often', 'really', 'pretty', 'very', 'quite', 'fairly', 'also', 'a', 'an', 'the', 'still', 'all', 'about',
  'work', 'service', 'services', 'activity', 'activities', 'process', 'processes', 'function', 'functions', 'model', 'models',
  'engagement', 'engagements', 'team', 'teams', 'staff', 'staffed', 'floor', 'seats', 'desk', 'desks', 'analysts', 'people',
  'workforce', 'operations', 'providers', 'vendors', 'firms', 'industry', 'sector', 'market', 'roles', 'jobs', 'tasks',
  'relies', 'rely', 'relying', 'depends', 'depend', 'depending', 'on', 'upon', 'demands', 'demand', 'needs', 'need',
  'requires', 'require', 'required', 'requiring', 'calls', 'for', 'involves', 'involve', 'made', 'up', 'of', 'with', 'built',
  'around', 'done', 'handled', 'delivered', 'performed', 'run', 'carried', 'out', 'now', 'today', 'has', 'have', 'had',
  'typical', 'simply', 'just', 'mainly', 'mostly', 'primarily', 'in', 'practice', 'essence', 'short', 'general', 'most',
  'much', 'lot', 'bulk', 'kind', 'type', 'form', 'sort', 'such', 'highly', 'moderately', 'largely', 'lower', 'higher',
  'priced', 'cost', 'costs', 'costing', 'charged', 'staffing', 'hired', 'hires', 'hiring', 'employs', 'employ', 'uses', 'use',
  'professionals', 'experts', 'specialists', 'employees', 'labour', 'labor', 'healthcare', 'engineering', 'legal',
  'financial', 'finance', 'clinical', 'offshore', 'this', 'that', 'these', 'those', 'any', 'every', 'most', 'our', 'your',
  'and', 'at', 'heart', 'core', 'whole', 'day', 'everyday', 'delivering', 'means', 'mean', 'other', 'hand', 'however',
  'meanwhile', 'domain', 'trained', 'qualified', 'graduates', 'certified', 'valued', 'known', 'chosen', 'offers', 'offer',
  'delivers', 'deliver', 'provides', 'provide', 'hold', 'holds', 'operators', 'agents', 'unit', 'units', 'comes', 'come',
  'priced', 'sold', 'for', 'arm', 'practice', 'centre', 'center', 'partners', 'partner', 'consists', 'consist',
  'continues', 'continue', 'continued', 'truth', 'told', 'frankly', 'honestly', 'indeed', 'course', 'fact', 'by',
  'definition', 'programme', 'program', 'programmes', 'programs', 'but', 'one', 'only', 'function', 'functions',
  'because', 'almost', 'calls', 'call', 'definitions', 'largely', 'which', 'like', 'hire', 'specialist', 'specialists',
  'contrast', 'comparison', 'typical', 'standard',
]);
/** Words between a trait and the side it belongs to: "the repetitive nature of KPO", "are the norm in BPO". */
const OF_SIDE = new Set(['nature', 'character', 'of', 'the', 'is', 'are', 'norm', 'standard', 'rule', 'usual', 'typical', 'in', 'among', 'across', 'hallmark', 'hallmarks', 'feature', 'features', 'defining', 'essence', 'core', 'all', 'most', 'much', 'work', 'this', 'kind', 'what', 'defines', 'define', 'characterises', 'characterizes', 'marks', 'sets']);
/** Words between a trait and the side after it: "standardized output, which is what KPO does best". */
const WHAT_SIDE_DOES = new Set(['output', 'outputs', 'work', 'results', 'delivery', 'which', 'is', 'what', 'exactly', 'precisely', 'the', 'kind', 'of', 'that']);

/** Verbs that move or put work somewhere: "moves financial modelling into the BPO stream". */
const MOVING = new Set(['move', 'moves', 'moved', 'moving', 'bring', 'brings', 'bringing', 'put', 'puts', 'transfer', 'transfers', 'transferred', 'shift', 'shifts', 'shifted', 'send', 'sends', 'sent', 'hand', 'hands', 'handed', 'add', 'adds', 'added', 'fold', 'folds', 'folded', 'assign', 'assigns', 'assigned', 'give', 'gives', 'place', 'places']);
/** Participles of a passive "carried out by BPO". */
const PASSIVE = new Set(['carried', 'delivered', 'done', 'handled', 'performed', 'run', 'provided', 'offered', 'bought', 'sourced', 'supplied', 'managed', 'staffed', 'taken', 'covered', 'processed', 'produced', 'prepared', 'outsourced']);
/** Nouns of providers after a side: "BPO vendors", "KPO firms". */
const PROVIDER_NOUNS = new Set(['vendor', 'vendors', 'provider', 'providers', 'firm', 'firms', 'team', 'teams', 'partner', 'partners', 'company', 'companies', 'shop', 'shops', 'centre', 'centres', 'center', 'centers', 'industry', 'sector']);
/** Nouns that, after "a KPO", say the phrase before is of that kind: "a core KPO service". */
const KIND_NOUNS = new Set(['service', 'services', 'task', 'tasks', 'function', 'functions', 'activity', 'activities', 'work', 'offering', 'offerings', 'process', 'processes', 'discipline', 'line', 'speciality', 'specialty', 'delivery', 'model', 'job', 'jobs', 'role', 'roles']);
/** Words in a list's introduction or heading that say the list is what a side offers. */
const SCOPE_WORDS = new Set([
  'services', 'service', 'offer', 'offers', 'offering', 'offerings', 'include', 'includes', 'including', 'cover', 'covers',
  'covering', 'provide', 'provides', 'deliver', 'delivers', 'handle', 'handles', 'capabilities', 'capability', 'scope',
  'portfolio', 'practice', 'solutions', 'work', 'tasks', 'examples', 'areas', 'typical', 'functions', 'processes', 'activities',
  'lines', 'do', 'does', 'run', 'runs', 'specialise', 'specialize', 'specialises', 'specializes', 'what',
]);

interface UnitCues {
  /** The unit asks, compares, tells a history or a career, hedges or talks about names: no claim. */
  silent: boolean;
  /** The same without the question: it compares, tells a history, hedges or talks about names. */
  doubts: boolean;
  /** The first token of a history, a career, a hedge or talk about names (unit.end when none): a claim must end before it. */
  doubt: number;
  /** The first token that denies or excludes (unit.end when none): a claim must end before it (within its clause). */
  negation: number;
  /** Where each clause that a colon or semicolon opens starts (a denial does not reach past them). */
  breaks: number[];
  /** A question that introduces content ("What does our KPO practice include?"), not one that doubts it. */
  whQuestion: boolean;
  /** The unit compares ("than", "compared with", "unlike"): cost traits, which are relative, make no claim then. */
  compares: boolean;
  /** KPO and BPO mentions of the unit that may make a claim, in order (not "unlike BPO", "rather than KPO"). */
  markers: Mention[];
}

/** Whether a side mention is the thing compared against: "unlike BPO", "compared with KPO", "rather than BPO". */
function contrasted(tokens: Token[], m: Mention, unit: Unit): boolean {
  for (let k = m.first - 1; k >= Math.max(unit.first, m.first - 3); k--) {
    if (/^(unlike|than|versus|vs|instead|opposed|contrast|compared|comparison|besides|beyond)$/.test(tokens[k].lower)) return true;
    if (tokens[k + 1].before !== '') return false;
  }
  return false;
}

const cueCache = new WeakMap<Unit, { index: GlossaryIndex; mentions: Mention[]; cues: UnitCues }>();

/** The cues of a unit (found once per unit and glossary). */
function cuesOf(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): UnitCues {
  const block = analysis.blocks[unit.block];
  const cached = cueCache.get(unit);
  if (cached && cached.index === index && cached.mentions === block.mentions) return cached.cues;
  const markers = inUnit(block.mentions, unit).filter((m) => index.sideOf(m.ref.entry) !== undefined);
  const tokens = block.tokens;
  const question = endsWithQuestion(analysis.text, block, unit);
  const whQuestion = question && WH_WORDS.has(tokens[unit.first].lower);
  let doubts = false;
  let compares = false;
  let doubt = unit.end;
  let negation = unit.end;
  for (let i = unit.first; i < unit.end && !doubts; i++) {
    const w = tokens[i].lower;
    if (!CUE_WORDS.has(w) && !(w.length > 3 && w.endsWith("n't"))) continue;
    const next = tokens[i + 1]?.lower ?? '';
    let doubtful = (META.has(w) && (!SELLING.has(w) || next === 'as' || tokens[i + 2]?.lower === 'as')) || HISTORY.has(w) || HEDGE.has(w) || (w === 'used' && next === 'to') || (w === 'see' && next === 'also');
    // "If you need payroll, hire a BPO vendor": advice, not a hedge.
    if (w === 'if' && /^(you|you're|your|the|a)$/.test(next) && /^(need|needs|want|wants|require|requires|client|wondering|asking|curious)$/.test(tokens[i + 2]?.lower ?? '')) doubtful = false;
    if (START_WORDS.has(w) && /^(in|as|out)$/.test(next)) doubtful = true;
    if (CONTRASTING.has(w)) compares = true;
    if (doubtful && doubt === unit.end) doubt = i;
    else if (negation === unit.end && (NEGATING.has(w) || w.endsWith("n't") || ((w === 'other' || w === 'apart' || w === 'outside') && /^(than|from|of)$/.test(next)) || (i > unit.first + 1 && (w === 'unlike' || (w === 'opposed' && next === 'to'))))) negation = i;
  }
  if (doubt < unit.end && unit.end - unit.first < 4) doubts = true;
  const breaks: number[] = [];
  for (let i = unit.first + 1; i < unit.end; i++) if (/[;:]/.test(tokens[i].before)) breaks.push(i);
  const cues: UnitCues = { silent: question || doubts, doubts: doubts || doubt < unit.end || compares, doubt, negation, breaks, whQuestion, compares, markers: markers.filter((m) => !contrasted(tokens, m, unit)) };
  cueCache.set(unit, { index, mentions: block.mentions, cues });
  return cues;
}

/** The denial that reaches a phrase at `at`: the first one, unless a colon or semicolon closes its clause before the phrase. */
function negationBefore(cues: UnitCues, at: number): number {
  const n = cues.negation;
  if (n >= at) return n;
  return cues.breaks.some((b) => b > n && b <= at) ? Number.MAX_SAFE_INTEGER : n;
}

/**
 * Whether a block can hold a claim at all: it names a side, or it is a list item or table row (which
 * take a side from their context). Most paragraphs name no side, and are skipped at once.
 */
function mayClaim(index: GlossaryIndex, block: BlockAnalysis): boolean {
  const kind = block.block.kind;
  if (kind === 'list-item' || kind === 'table-row') return true;
  let known = sidedBlocks.get(block);
  if (known === undefined || known.index !== index || known.mentions !== block.mentions) {
    known = { index, mentions: block.mentions, sided: block.mentions.some((m) => index.sideOf(m.ref.entry) !== undefined) };
    sidedBlocks.set(block, known);
  }
  return known.sided;
}
const sidedBlocks = new WeakMap<BlockAnalysis, { index: GlossaryIndex; mentions: Mention[]; sided: boolean }>();

const WH_WORDS = new Set(['what', 'which', 'how', 'where', 'who']);
const START_WORDS = new Set(['started', 'began', 'begun']);
/** Every word a cue can start with: the unit scan skips the rest at the cost of one lookup. */
const CUE_WORDS = new Set([...META, ...HISTORY, ...HEDGE, ...CONTRASTING, ...NEGATING, ...START_WORDS, 'used', 'if', 'other', 'apart', 'outside', 'opposed', 'see']);

function endsWithQuestion(text: string, block: BlockAnalysis, unit: Unit): boolean {
  const last = block.tokens[unit.end - 1];
  const next = block.tokens[unit.end];
  const after = next ? next.before : text.slice(last.end, Math.min(block.block.end, last.end + 8));
  return after.includes('?');
}

// -------------------------------------------------------------------------------------- the claims

/** The side a task or service mention is presented as, if the unit claims one. */
export function taskClaim(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, mention: Mention): SideClaim | undefined {
  const block = analysis.blocks[unit.block];
  if (!mayClaim(index, block)) return undefined;
  const cues = cuesOf(analysis, index, unit);
  const limit = Math.min(negationBefore(cues, mention.first), cues.doubt);
  if (cues.silent || mention.first >= limit) return undefined;
  const claim = (cues.markers.length > 0
    ? sentenceClaim(analysis, index, block, unit, cues.markers, mention.first, mention.last, 'task') ?? asWithClaim(index, block, unit, cues.markers, mention.first, 'task')
    : contextClaim(analysis, index, block, unit, mention.first, 'task')) ?? definedSubjectClaim(analysis, index, block, unit, cues.markers, mention.first, 'task');
  return claim && (!claim.marker || claim.marker.first < limit) ? claim : undefined;
}

/** The side a trait is said of, if the unit says it of one. */
export function traitClaim(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit, trait: Mention<TraitRef>): SideClaim | undefined {
  const block = analysis.blocks[unit.block];
  if (!mayClaim(index, block)) return undefined;
  const cues = cuesOf(analysis, index, unit);
  const limit = Math.min(negationBefore(cues, trait.first), cues.doubt);
  if (cues.silent || trait.first >= limit) return undefined;
  // Cost is relative: "KPO is cheaper than BPO" is a claim about the two sides, "KPO is cheap compared
  // with an in-house team" is not one about KPO against BPO.
  if (trait.ref.comparative || (cues.compares && trait.ref.aspect.id === 'cost')) {
    const claim = comparativeClaim(index, block, unit, cues.markers, trait);
    return claim && (!claim.marker || claim.marker.first < limit) ? claim : undefined;
  }
  const claim = (cues.markers.length > 0
    ? sentenceClaim(analysis, index, block, unit, cues.markers, trait.first, trait.last, 'trait', trait.ref.weak, traitTokens(block)) ?? asWithClaim(index, block, unit, cues.markers, trait.first, 'trait', trait.ref.weak)
    : contextClaim(analysis, index, block, unit, trait.first, 'trait')) ?? definedSubjectClaim(analysis, index, block, unit, cues.markers, trait.first, 'trait', trait.ref.weak);
  // Cost is relative: a table column gives it only in a table that sets the two sides against each other.
  if (claim?.from === 'column' && trait.ref.aspect.id === 'cost' && !headerHasBothSides(analysis, index, unit)) return undefined;
  return claim && (!claim.marker || claim.marker.first < limit) ? claim : undefined;
}

/**
 * "KPO is typically cheaper than BPO", "KPO, a lower-cost alternative to BPO": a cost trait said of one
 * side against the other. The side is the nearest mention before the trait (with only words of being
 * between); the other side follows "than" or "alternative to".
 */
function comparativeClaim(index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], trait: Mention<TraitRef>): SideClaim | undefined {
  const tokens = block.tokens;
  const all = inUnit(block.mentions, unit).filter((m) => index.sideOf(m.ref.entry) !== undefined);
  let k = trait.last + 1;
  while (k < unit.end && k <= trait.last + 4 && !/^(than|to)$/.test(tokens[k].lower)) k++;
  if (k >= unit.end || (tokens[k].lower === 'to' && tokens[k - 1]?.lower !== 'alternative')) return undefined;
  const against = all.find((m) => m.first > k && m.first <= k + 3);
  const subject = [...markers].reverse().find((m) => m.last < trait.first);
  if (!against || !subject || index.sideOf(against.ref.entry) === index.sideOf(subject.ref.entry)) return undefined;
  if (!between(tokens, subject.last + 1, trait.first, PREDICATING, 8) && !predicated(tokens, subject.last + 1, trait.first)) return undefined;
  return { side: index.sideOf(subject.ref.entry)!, marker: subject, from: 'sentence', evidence: nounPhrase(tokens, subject) };
}

function sentenceClaim(
  analysis: DocumentAnalysis,
  index: GlossaryIndex,
  block: BlockAnalysis,
  unit: Unit,
  markers: Mention[],
  first: number,
  last: number,
  what: 'task' | 'trait',
  weak = false,
  listed?: Set<number>,
): SideClaim | undefined {
  const tokens = block.tokens;
  // A table row: the phrase's own cell names a side with it, or the row pairs it with a side cell.
  if (block.block.kind === 'table-row') return rowClaim(analysis, index, block, unit, markers, first);
  // The nearest side mention before the phrase, within the unit; else the nearest after it.
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const m of markers) {
    if (m.last < first) before = m;
    else if (m.first > last && !after) after = m;
  }
  // "Several large BPO providers now offer analytics": a statement about the market, not about the side.
  if (before && what === 'task' && tokens.slice(Math.max(unit.first, before.first - 3), before.first).some((t) => /^(several|many|some|few|more|increasingly|numerous)$/.test(t.lower))) before = undefined;
  if (before) {
    // Tasks: the side's noun phrase, a verb of doing or including, then the phrase (maybe in a list).
    // Traits: nothing but words that say what the side is or needs, and no hard break.
    const gapOk = what === 'task' ? governs(tokens, before.last + 1, first) : between(tokens, before.last + 1, first, PREDICATING, 10, false, listed) || (!weak && (predicated(tokens, before.last + 1, first, listed) || near(tokens, before.last + 1, first, markers)));
    if (gapOk && !(weak && !copular(tokens, before.last + 1, first))) {
      return { side: index.sideOf(before.ref.entry)!, marker: before, from: 'sentence', evidence: nounPhrase(tokens, before) };
    }
  }
  if (after && what === 'task') {
    const side = index.sideOf(after.ref.entry)!;
    const claim: SideClaim = { side, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
    const joined = /^(and|or)$/.test(tokens[after.first - 1]?.lower ?? '');
    // The phrase first: "data entry is a KPO service", "data entry, a core KPO task", "move data entry to our KPO partner".
    if (between(tokens, last + 1, after.first, NAMED_AS, 9) && kindFollows(tokens, after) && !joined) return claim;
    // "market research and consumer surveys carried out by BPO", "delivered by KPO teams".
    const lead = tokens.slice(Math.max(last + 1, after.first - 4), after.first).map((t) => t.lower);
    if (after.first - last <= 9 && lead.includes('by') && lead.some((w) => PASSIVE.has(w)) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) return claim;
    // "…, as part of the KPO scope": the phrase is in the side's scope.
    const part = tokens.slice(last + 1, after.first).map((t) => t.lower).join(' ');
    if (after.first - last <= 24 && /\bpart of (the |our |its |their )?(\w+ ){0,2}$/.test(part + ' ') && kindFollows(tokens, after)) return claim;
    // "Contract review, which most LPO providers deliver as a BPO service": any later side named "as a … service".
    for (const m of markers) {
      if (m.first <= last || m.first - last > 14) continue;
      const lead2 = tokens.slice(Math.max(last + 1, m.first - 3), m.first).map((t) => t.lower);
      if (lead2.includes('as') && kindFollows(tokens, m) && KIND_NOUNS.has(tokens[m.last + 1]?.lower ?? '') && !tokens.slice(last + 1, m.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) {
        return { side: index.sideOf(m.ref.entry)!, marker: m, from: 'sentence', evidence: nounPhrase(tokens, m) };
      }
    }
    // "Market research, medical transcription and other KPO services".
    if (after.first - last <= 3 && /^(other|similar|related)$/.test(tokens[after.first - 1]?.lower ?? '') && /^(and|or)$/.test(tokens[after.first - 2]?.lower ?? '') && kindFollows(tokens, after)) return claim;
    // "The equity research my team produces is BPO work", "… were bread-and-butter BPO work": a short
    // subject, a copula, at most three words, the side and a noun of its kind.
    const copula = tokens.slice(last + 1, after.first).findIndex((t) => /^(is|are|was|were|become|becomes|became|remains|remain)$/.test(t.lower));
    if (copula >= 0 && copula <= 9 && after.first - (last + 1 + copula) <= 4 && kindFollows(tokens, after) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k) || /[,;:(]/.test(t.before)) && !tokens.slice(last + 1, last + 1 + copula).some((t) => /^(you|we|they|it|he|she|i|being)$/.test(t.lower))) return claim;
    // "… which in our shop counts as KPO work", "… is considered KPO", "… falls under BPO".
    const linked = tokens.slice(Math.max(last + 1, after.first - 3), after.first).map((t) => t.lower).join(' ');
    if (after.first - last <= 14 && /\b(counts? as|considered|classed as|classified as|qualif(y|ies) as|falls? under|treated as|regarded as|seen as)( an?| the| our)?$/.test(linked) && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k))) return claim;
    // "moves financial modelling for store openings into the existing BPO stream": the phrase is moved or put into the side's scope.
    const into = tokens.slice(Math.max(last + 1, after.first - 3), after.first).map((t) => t.lower);
    if (after.first - last <= 9 && into.some((w) => /^(into|to|under|within)$/.test(w)) && kindFollows(tokens, after) && tokens[after.last + 1] !== undefined && !tokens.slice(last + 1, after.first + 1).some((t, k) => breaksAt(tokens, last + 1 + k) || (AWAY.has(t.lower) && t.lower !== 'into'))) {
      const moved = tokens.slice(Math.max(0, first - 4), after.first).some((t) => MOVING.has(t.lower));
      if (moved) return claim;
    }
  }
  if (after && what === 'trait' && !weak && last + 1 === after.first && tokens[after.first].joins && !JOB_NOUNS.has(tokens[after.last + 1]?.lower ?? '')) {
    // "cheap KPO", "repetitive BPO work": the trait describes the side (not "entry-level KPO roles": a career step).
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
  }
  if (after && what === 'trait' && !weak && between(tokens, last + 1, after.first, OF_SIDE, 7) && tokens.slice(last + 1, after.first).some((t) => /^(of|in|among|across|defines|define|characterises|characterizes|marks)$/.test(t.lower))) {
    // "the repetitive nature of KPO work", "advanced degrees are the norm in BPO services".
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: nounPhrase(tokens, after) };
  }
  if (after && what === 'trait' && !weak && between(tokens, last + 1, after.first, WHAT_SIDE_DOES, 6, true) && /^(does|do|delivers|offers|provides)$/.test(tokens[after.last + 1]?.lower ?? '') && tokens.slice(last + 1, after.first).some((t) => t.lower === 'what')) {
    // "standardized, repeatable output, which is what KPO does best".
    return { side: index.sideOf(after.ref.entry)!, marker: after, from: 'sentence', evidence: { start: after.start, end: tokens[after.last + 1].end } };
  }
  // A glossary-style definition of the phrase: "**Medical transcription** — Converting …; a core KPO
  // service", "…; typically delivered by BPO vendors", "**Moderately skilled workforce** — The staffing
  // profile typical of KPO".
  const dash = [1, 2, 3].findIndex((k) => /[\u2014\u2013:]/.test(tokens[last + k]?.before ?? ''));
  if (first === 0 && dash >= 0 && markers.every((m) => m.first > last)) {
    const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
    if (sides.size === 1) {
      for (const m of markers) {
        const lead = tokens.slice(Math.max(last + 2 + dash, m.first - 4), m.first).map((t) => t.lower);
        const kind = KIND_NOUNS.has(tokens[m.last + 1]?.lower ?? '') || PROVIDER_NOUNS.has(tokens[m.last + 1]?.lower ?? '');
        const named = (lead.some((w) => /^(a|an|one|example|form|type|kind|part|branch)$/.test(w)) && kind) ||
          (lead.some((w) => /^(by|through|via)$/.test(w)) && lead.some((w) => /^(delivered|offered|provided|handled|done|sold|performed|run|bought)$/.test(w))) ||
          (what === 'trait' && lead.some((w) => /^(typical|characteristic|hallmark|profile)$/.test(w)) && lead.some((w) => /^(of|in)$/.test(w)));
        if (named) return { side: index.sideOf(m.ref.entry)!, marker: m, from: 'definition', evidence: nounPhrase(tokens, m) };
      }
    }
  }
  return undefined;
}

/**
 * Whether the side mention ending before token `from` governs the task starting at token `to`: no hard
 * break between them; a verb of doing or including, with at most three other words of the subject
 * before it ("Our BPO operations team in Chennai runs"); after the verb, a few words, or a list
 * ("include market research, patent searches and payroll processing").
 */
function governs(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 28) return false;
  // "Our BPO scope — contract review, legal research …": a dash right after the side's scope opens the list.
  let opened = -1;
  for (let i = from; i <= Math.min(to, from + 2); i++) if (/[\u2014\u2013:]/.test(tokens[i].before) && tokens.slice(from, i).every((t) => SCOPE_WORDS.has(t.lower) || SUBJECT_WORDS.has(t.lower))) opened = i;
  if (opened >= 0) return opened === to || objectOf(tokens, opened - 1, to);
  for (let i = from; i <= to && i < tokens.length; i++) if (breaksAt(tokens, i)) return false;
  let verb = -1;
  let strangers = 0;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    // A parenthetical between commas in the subject: "Our BPO floor in Cebu, staffed by 600 associates, delivers".
    if (verb < 0 && i > from && tokens[i].before.includes(',')) {
      let j = i + 1;
      while (j < to && j - i < 8 && !tokens[j].before.includes(',')) j++;
      if (j < to && tokens[j].before.includes(',') && !tokens.slice(i, j).some((t) => CLAUSE_VERBS.has(t.lower))) {
        i = j - 1;
        continue;
      }
    }
    if (DOING_VERBS.has(w)) {
      verb = i;
      // "the BPO centre that handles our e-mails also delivers …": the verb of a relative clause in the
      // subject is not the subject's own; a later one is.
      if (i > from && /^(that|which|who)$/.test(tokens[i - 1].lower)) {
        let main = -1;
        for (let j = i + 1; j < to && j - i <= 10; j++) {
          if (breaksAt(tokens, j)) break;
          if (DOING_VERBS.has(tokens[j].lower) && tokens[j].lower !== 'is' && tokens[j].lower !== 'are') {
            main = j;
            break;
          }
        }
        if (main >= 0) verb = main;
        // "… Kalahari Analytics, a Johannesburg firm that provides …": the relative clause belongs to
        // another noun (an article starts one between the side and "that").
        else if (tokens.slice(from, i - 1).some((t) => /^(a|an|the)$/.test(t.lower))) return false;
      }
      break;
    }
    // A colon introduces what the subject covers: "Scope of KPO services: market sizing, …".
    if (i > from && tokens[i].before.includes(':')) {
      verb = i - 1;
      break;
    }
    if (REMOVING.has(w)) return false;
    if (!SUBJECT_WORDS.has(w) && !/^\d+$/.test(w) && ++strangers > 3) return false;
  }
  if (verb < 0) {
    // No known verb: "the KPO team's data entry", "KPO services: data entry", or a short direct
    // sentence whose verb the lists do not know ("our KPO staff key in data entry batches").
    // A comma right before the phrase makes a list of names ("KPO, contact centre, back office"), not a claim.
    if (tokens[to].before.includes(',') && !tokens[to].before.includes(':')) return false;
    if (to - from <= 2 && (tokens[to].before.includes(':') || [...Array(to - from).keys()].every((k) => SUBJECT_WORDS.has(tokens[from + k].lower) && !FUNCTION_WORDS.has(tokens[from + k].lower)))) return true;
    return to - from <= 5 && strangers <= 2 && !tokens.slice(from, to).some((t, k) => AWAY.has(t.lower) || (NOT_VERBS.has(t.lower) && !(t.lower === 'for' && k > 0 && (SUBJECT_WORDS.has(tokens[from + k - 1].lower) || PROVIDER_NOUNS.has(tokens[from + k - 1].lower)))));
  }
  for (let i = verb + 1; i < to; i++) if (REMOVING.has(tokens[i].lower)) return false;
  return objectOf(tokens, verb, to);
}

/**
 * Whether the phrase at token `to` is what the verb (or listing word) at `verb` takes: a few words
 * after it, or an item of a list after it, and not inside a phrase about something else ("delivered
 * the analytics behind the signal-detection dashboards").
 */
function objectOf(tokens: Token[], verb: number, to: number): boolean {
  for (let i = verb + 1; i <= to; i++) if (breaksAt(tokens, i)) return false;
  // Only the list item holding the phrase counts ("handles indexing of archives, and CAD design").
  let item = verb + 1;
  for (let i = verb + 1; i < to; i++) if (tokens[i].before.includes(',') || /^(and|or)$/.test(tokens[i - 1].lower)) item = i;
  // An "item" with a verb of its own is a new clause ("…, and the providers that are best at invoice processing").
  if (item > verb + 1) for (let i = item; i < to; i++) if (CLAUSE_VERBS.has(tokens[i].lower)) return false;
  for (let i = item; i < to; i++) {
    // "everything from actuarial modelling to telemarketing": a list, not a place.
    const w = tokens[i].lower;
    if (AWAY.has(w) && !(w === 'from' && /^(everything|anything|all)$/.test(tokens[i - 1].lower)) && !(w === 'about' && tokens[i - 1].lower === 'all')) return false;
  }
  const rest = to - verb - 1;
  if (rest <= 6) return true;
  // A list: items of at most six words, separated by commas, "and" or "or".
  let run = 0;
  for (let i = verb + 1; i <= to; i++) {
    const separated = tokens[i].before.includes(',') || /^(and|or)$/.test(tokens[i - 1].lower);
    run = separated ? 0 : run + 1;
    if (run > 6) return false;
  }
  return true;
}

/** The token indexes of a block's traits (a list of traits: "cheap, routine processing"). */
function traitTokens(block: BlockAnalysis): Set<number> {
  let set = traitTokenCache.get(block);
  if (!set) {
    set = new Set();
    for (const t of block.traits) for (let i = t.first; i <= t.last; i++) set.add(i);
    traitTokenCache.set(block, set);
  }
  return set;
}
const traitTokenCache = new WeakMap<BlockAnalysis, Set<number>>();

/** Verbs by which a side does away with work rather than doing it: "our KPO team automates data entry". */
const REMOVING = new Set([
  'automate', 'automates', 'automated', 'automating', 'automation', 'replace', 'replaces', 'replaced', 'replacing', 'eliminate',
  'eliminates', 'eliminated', 'remove', 'removes', 'removed', 'reduce', 'reduces', 'reduced', 'free', 'frees', 'freed',
  'freeing', 'offload', 'offloads', 'offloaded', 'strip', 'strips', 'cut', 'cuts', 'minimise', 'minimize', 'minimises',
  'minimizes', 'outsource', 'outsources', 'outsourced', 'avoid', 'avoids', 'avoided', 'skip', 'skips', 'escape', 'escapes',
  'leave', 'leaves', 'left', 'hate', 'hates', 'dislike', 'dislikes', 'fewer', 'less', 'beat', 'beats', 'outgrow', 'outgrows',
]);
/** Words that join or place rather than name: a verb-less "KPO … data entry" must be nouns only ("the KPO team's data entry"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'for', 'to', 'in', 'at', 'the', 'a', 'an', 'that', 'which', 'who', 'we', 'they', 'us', 'be', 'might', 'may', 'could', 'would', 'will', 'shall', 'can', 'also', 'now', 'its', 'own']);
/** Words that are no verb a subject does work by (for a short sentence without a known verb). */
const NOT_VERBS = new Set(['and', 'or', 'but', 'with', 'for', 'as', 'if', 'when', 'while', 'than', 'like', 'which', 'who', 'that', 'whose', 'where']);

/** Nouns of jobs and careers: "entry-level KPO roles" speaks of a career step, not of KPO's skills. */
const JOB_NOUNS = new Set(['role', 'roles', 'job', 'jobs', 'position', 'positions', 'opening', 'openings', 'hire', 'hires', 'career', 'careers', 'graduate', 'graduates', 'salary', 'salaries', 'pay', 'vacancy', 'vacancies', 'recruits', 'trainees', 'interns']);

/** Words that give a stretch of text a verb (or a relative clause) of its own. */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'will', 'would', 'should', 'that', 'which', 'who', 'whose']);

/** Prepositions that put what follows them outside the object of the verb. */
const AWAY = new Set(['behind', 'of', 'about', 'from', 'into', 'around', 'across', 'besides', 'alongside', 'after', 'before', 'during', 'despite', 'against', 'behind', 'beside', 'near', 'towards', 'toward']);

/** Words that open a new clause: what follows them has a subject of its own. */
const CONNECTORS = new Set(['whereas', 'while', 'whilst', 'but', 'although', 'though', 'however', 'yet', 'whereby']);

/** Whether a hard break lies before token i: a clause or sentence mark, a new clause, a dash (not one between numbers). */
function breaksAt(tokens: Token[], i: number): boolean {
  const gap = tokens[i].before;
  if (/[;.!?]/.test(gap)) return true;
  if (/[\u2014\u2013]/.test(gap) && !(/^\d+$/.test(tokens[i].lower) && /^\d+$/.test(tokens[i - 1]?.lower ?? ''))) return true;
  return CONNECTORS.has(tokens[i].lower) && i > 0;
}

/** Whether a run of tokens [from, to) is short, unbroken, and made only of `allowed` words (`commas`: and any words of a comma-separated list before it). */
function between(tokens: Token[], from: number, to: number, allowed: Set<string>, max: number, commas = false, listed?: Set<number>): boolean {
  if (commas) {
    // Skip list items before the first allowed word: "standardized, repeatable output, which …".
    while (from < to && !allowed.has(tokens[from].lower)) from++;
  }
  if (to - from > max) return false;
  for (let i = from; i <= to && i < tokens.length; i++) {
    // Punctuation before each token of the run, and before the phrase: commas of a list, a colon
    // introducing it, parentheses and quotes; not a clause or sentence break.
    if (breaksAt(tokens, i)) return false;
    if (i < to && !allowed.has(tokens[i].lower) && !/^\d+$/.test(tokens[i].lower) && !listed?.has(i)) return false;
  }
  return true;
}

/**
 * A strong trait close after a side in a sentence that names only that side ("KPO firms mostly run
 * repetitive work", "BPO hires highly skilled professionals"): at most eight words between, no hard
 * break, nothing that does away with the trait ("KPO automates the repetitive parts").
 */
function near(tokens: Token[], from: number, to: number, markers: Mention[]): boolean {
  if (to - from > 8) return false;
  if (markers.some((m) => m.first > from && m.first < to)) return false;
  for (let i = from; i <= to; i++) if (breaksAt(tokens, i) || /[:()]/.test(tokens[i].before)) return false;
  for (let i = from; i < to; i++) if (REMOVING.has(tokens[i].lower) || AWAY.has(tokens[i].lower) || /^(which|who|whose|when|where|while|if|for|to|than)$/.test(tokens[i].lower)) return false;
  // "pays more at entry level": a trait inside a phrase of place or time describes nothing.
  if (to > from && /^(at|in|from|into|per)$/.test(tokens[to - 1].lower)) return false;
  return true;
}

/**
 * "BPO is staffed largely by chartered accountants and holders of advanced degrees": a verb of being
 * or needing, then at most three other words before the trait, no hard break.
 */
function predicated(tokens: Token[], from: number, to: number, listed?: Set<number>): boolean {
  if (to - from > 12) return false;
  let verb = false;
  let strangers = 0;
  for (let i = from; i <= to; i++) if (breaksAt(tokens, i)) return false;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    if (REMOVING.has(w)) return false;
    if (PREDICATE_VERBS.test(w)) verb = true;
    else if (!PREDICATING.has(w) && !listed?.has(i) && ++strangers > 3) return false;
  }
  return verb;
}

/** For weak traits: a plain predicate ("KPO is …", "BPO requires …") between the side and the trait. */
function copular(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^(is|are|was|were|be|been|remains|requires|require|needs|need|demands|depends|relies|means|calls)$/.test(tokens[i].lower)) return true;
  return false;
}

/** After "… a (core) KPO", a noun of kind ("service", "task") or the end of the clause. */
function kindFollows(tokens: Token[], side: Mention): boolean {
  const next = tokens[side.last + 1];
  if (!next || /[,;.:!?)\u2014\u2013]/.test(next.before)) return true;
  return KIND_NOUNS.has(next.lower) || PROVIDER_NOUNS.has(next.lower) || /^(desk|unit|arm|practice|work|hub|hubs|division|operation|operations|model|delivery|lot|bench|floor|seats|territory|domain|ground|turf|space|scope|offering|portfolio|contract|contracts|deliverable|deliverables|stream|workstream|workstreams|engagement|engagements|mandate|mandates|product|products|staple|staples|fare|bucket|category)$/.test(next.lower);
}

/** The words around a side mention that name what the sentence speaks of: "our KPO team". */
function nounPhrase(tokens: Token[], side: Mention): { start: number; end: number } {
  let a = side.first;
  while (a > 0 && a > side.first - 2 && tokens[a].joins && /^(our|their|the|its|your|a|an|this|that|these|those|[\p{L}]+'s|[\p{L}]+’s|healthcare|legal|engineering|financial|offshore|clinical|specialist)$/u.test(tokens[a - 1].lower)) a--;
  let b = side.last;
  while (b + 1 < tokens.length && b < side.last + 2 && tokens[b + 1].joins && /^(team|teams|desk|desks|unit|arm|partner|partners|provider|providers|vendor|vendors|firm|firms|practice|work|services|service|seats|floor|operations|staff|analysts|processes|engagements|offering|division|centre|center|model)$/.test(tokens[b + 1].lower)) b++;
  return { start: tokens[a].start, end: tokens[b].end };
}

/** A table row: the cell's column header names one side, or the row pairs the phrase with a side cell. */
function rowClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number): SideClaim | undefined {
  const cell = block.tokens[first].cell;
  const own = markers.filter((m) => block.tokens[m.first].cell === cell);
  if (own.length > 0) return undefined; // "| KPO and BPO both | data entry |": a cell that names sides is a label, not a claim
  const column = columnClaim(analysis, index, block, unit, first);
  if (column) return column;
  // "| Customer service | KPO |": the row pairs the phrase with one side, in a cell of its own.
  const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size !== 1) return undefined;
  const marker = markers[0];
  const markerCell = block.tokens[marker.first].cell;
  const cellTokens = block.tokens.filter((t) => t.cell === markerCell).length;
  if (cellTokens > marker.last - marker.first + 4) return undefined; // the side cell says more than the side ("Lot A (BPO)" is fine)
  return { side: [...sides][0]!, marker, from: 'row', evidence: { start: marker.start, end: marker.end } };
}

function headerHasBothSides(analysis: DocumentAnalysis, index: GlossaryIndex, unit: Unit): boolean {
  const header = analysis.contexts[unit.block].header;
  if (header === undefined) return false;
  return new Set(analysis.blocks[header].mentions.map((m) => index.sideOf(m.ref.entry)).filter((x) => x !== undefined)).size === 2;
}

export function columnClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, first: number): SideClaim | undefined {
  const context = analysis.contexts[unit.block];
  if (context.header === undefined) return undefined;
  const cell = block.tokens[first].cell;
  const header = analysis.blocks[context.header];
  const inHeader = header.mentions.filter((m) => header.tokens[m.first].cell === cell && index.sideOf(m.ref.entry));
  const sides = new Set(inHeader.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size !== 1) return undefined;
  // The row's label (its first cell) must not deny: "| Not suitable | … |".
  const labelTokens = block.tokens.filter((t) => t.cell === block.tokens[0].cell);
  if (labelTokens.some((t) => NEGATING.has(t.lower) || t.lower.endsWith("n't"))) return undefined;
  const headerCell = header.tokens.filter((t) => t.cell === cell);
  if (headerCell.some((t) => NEGATING.has(t.lower) || HEDGE.has(t.lower))) return undefined;
  return { side: [...sides][0]!, from: 'column', evidence: { start: headerCell[0].start, end: headerCell[headerCell.length - 1].end } };
}

/** Words before a task in a sentence that lists examples: "for example …", "such as …". */
const LISTING = new Set(['example', 'examples', 'include', 'includes', 'including', 'such', 'e', 'eg', 'like', 'covers', 'cover', 'typically', 'namely']);
/** Verbs that say what the subject is or needs: "the work is repetitive", "is delivered by professionals with advanced degrees". */
const PREDICATE_VERBS = /^(is|are|was|were|be|been|remains|requires|require|needs|need|demands|depends|relies|delivered|done|staffed|performed|handled|made|run|means)$/;

/**
 * "As with any KPO programme, the scientific work here was standardised": a sentence opened by "as
 * with (any|other|most) <side> …," speaks of that side after the comma.
 */
function asWithClaim(index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number, what: 'task' | 'trait', weak = false): SideClaim | undefined {
  const tokens = block.tokens;
  const opener = tokens[unit.first].lower === 'like' || (tokens[unit.first].lower === 'as' && tokens[unit.first + 1]?.lower === 'with');
  if (!opener) return undefined;
  const side = markers[0];
  if (side.first > unit.first + 4 || markers.some((m) => index.sideOf(m.ref.entry) !== index.sideOf(side.ref.entry))) return undefined;
  let comma = -1;
  for (let i = side.last + 1; i < first && i <= side.last + 3; i++) if (tokens[i].before.includes(',')) comma = i;
  if (comma < 0 || first - comma > 10) return undefined;
  const path = tokens.slice(comma, first);
  if (what === 'trait' ? (weak ? !path.some((t) => /^(is|are|requires|needs)$/.test(t.lower)) : first - comma > 6 && !path.some((t) => PREDICATE_VERBS.test(t.lower))) : !path.some((t) => DOING_VERBS.has(t.lower))) return undefined;
  return { side: index.sideOf(side.ref.entry)!, marker: side, from: 'sentence', evidence: nounPhrase(tokens, side) };
}

/**
 * A glossary-style paragraph that opens with the side it defines in bold ("**Business process
 * outsourcing (BPO)** Contracting …"): its other sentences speak of that side, when they list
 * examples ("for example …, order processing") or say what the work is or needs.
 */
function definedSubjectClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, markers: Mention[], first: number, what: 'task' | 'trait', weak = false): SideClaim | undefined {
  if (block.block.kind !== 'paragraph' && block.block.kind !== 'list-item') return undefined;
  const defined = definedSide(analysis, index, block);
  if (!defined) return undefined;
  const side = index.sideOf(defined.ref.entry);
  // Other sentences of the definition that name a side speak for themselves.
  if (markers.some((m) => m !== defined && (index.sideOf(m.ref.entry) !== side || m.first > defined.last + 2))) return undefined;
  const tokens = block.tokens;
  const start = Math.max(unit.first, defined.last + 1);
  const words = tokens.slice(start, first).map((t) => t.lower);
  if (what === 'task') {
    // "…: for example equity research, valuation, …, order processing": a list after a listing word.
    let k = words.length - 1;
    while (k >= 0 && !LISTING.has(words[k])) k--;
    if (k < 0 || words.length - k > 16 || !objectOf(tokens, start + k, first)) return undefined;
  } else if (unit.first <= defined.first) {
    // The definition itself: "**KPO** — Contracting work that …, typically high-volume and low-cost".
    if (weak || words.length > 30) return undefined;
  } else {
    if (words.length > 14 || !words.some((w) => PREDICATE_VERBS.test(w)) || (weak && !words.some((w) => /^(is|are|requires|needs)$/.test(w)))) return undefined;
  }
  return { side: index.sideOf(defined.ref.entry)!, from: 'definition', evidence: { start: defined.start, end: defined.end } };
}

/** The side a block defines: it opens with a bold side name ("**BPO**", "**Business process outsourcing (BPO)**"). */
function definedSide(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis): Mention | undefined {
  const cached = definedCache.get(block);
  if (cached && cached.index === index && cached.mentions === block.mentions) return cached.defined;
  const defined = findDefinedSide(analysis, index, block);
  definedCache.set(block, { index, mentions: block.mentions, defined });
  return defined;
}
const definedCache = new WeakMap<BlockAnalysis, { index: GlossaryIndex; mentions: Mention[]; defined: Mention | undefined }>();

function findDefinedSide(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis): Mention | undefined {
  const first = block.mentions[0];
  if (!first || first.first !== 0 || index.sideOf(first.ref.entry) === undefined) return undefined;
  const text = analysis.text;
  const lead = text.slice(block.block.start, first.start);
  if (!/(\*\*|__)$/.test(lead.trimEnd())) return undefined;
  // The bold span closes after the name (and its parenthesised acronym or expansion).
  const close = text.indexOf('**', first.end) >= 0 && lead.endsWith('__') === false ? text.indexOf('**', first.end) : text.indexOf('__', first.end);
  if (close < 0 || close - first.end > 40 || /[.!?]/.test(text.slice(first.end, close))) return undefined;
  return first;
}

/** A list item or table cell without a side of its own: the list's introduction, parent item or heading. */
function contextClaim(analysis: DocumentAnalysis, index: GlossaryIndex, block: BlockAnalysis, unit: Unit, first: number, what: 'task' | 'trait'): SideClaim | undefined {
  const kind = block.block.kind;
  if (kind === 'table-row') return columnClaim(analysis, index, block, unit, first);
  if (kind !== 'list-item') return undefined;
  // The item must be the service itself: it starts the item, or the item is a short line.
  const tokens = block.tokens;
  const unitIndex = block.units.indexOf(unit);
  if (unitIndex !== 0) return undefined;
  if (first > 4 || (first > 0 && tokens.slice(unit.first, first).some((t) => DOING_VERBS.has(t.lower) || PREDICATE_VERBS.test(t.lower)))) return undefined;
  const context = analysis.contexts[unit.block];
  for (const [from, b] of [['list', context.parent], ['list', context.intro], ['heading', context.heading]] as const) {
    if (b === undefined) continue;
    const source = analysis.blocks[b];
    const claim = scopeOf(analysis, index, source);
    if (claim === null) return undefined; // a context that names both sides, or denies: silent
    if (claim === undefined) continue;
    if (what === 'trait' && from === 'heading') return undefined;
    return { side: claim.side, from, evidence: { start: source.block.start, end: source.block.end } };
  }
  return undefined;
}

/**
 * What a list's introduction, parent item or heading says the list is: the services of one side
 * ({side}), nothing about sides (undefined), or something no list item may take a side from (null:
 * both sides, a denial, a question, a history).
 */
function scopeOf(analysis: DocumentAnalysis, index: GlossaryIndex, source: BlockAnalysis): { side: Side } | null | undefined {
  const markers = source.mentions.filter((m) => index.sideOf(m.ref.entry) !== undefined);
  if (markers.length === 0) return undefined;
  const sides = new Set(markers.map((m) => index.sideOf(m.ref.entry)));
  if (sides.size > 1) return null;
  // Read the last unit of the block (the sentence right above the list).
  const unit = source.units[source.units.length - 1];
  if (!unit) return null;
  const cues = cuesOf(analysis, index, unit);
  const asks = cues.silent && !(cues.whQuestion && source.block.kind === 'heading' && !cues.doubts);
  if (asks || cues.negation < unit.end) return null;
  // The clause right above the list: "BPO began with call centres; today we offer:" offers no BPO.
  let from = unit.first;
  for (let i = unit.first + 1; i < unit.end; i++) if (/[;\u2014\u2013]/.test(source.tokens[i].before)) from = i;
  const own = markers.filter((m) => m.first >= from);
  if (own.length === 0) return undefined;
  const words = source.tokens.slice(from, unit.end).map((t) => t.lower);
  // A parent item that is just the side ("- KPO") heads its sub-items.
  const bare = source.block.kind === 'list-item' && source.tokens.length <= 3;
  if (!bare && !words.some((w) => SCOPE_WORDS.has(w))) return undefined;
  return { side: [...sides][0]! };
}

/** The other side. */
export function otherSide(side: Side): Side {
  return side === 'kpo' ? 'bpo' : 'kpo';
}

/** The side a glossary category belongs to: KPO services and BPO tasks. */
export function sideOfCategory(category: string): Side | undefined {
  if (category === 'kpo-service') return 'kpo';
  if (category === 'bpo-task') return 'bpo';
  return undefined;
}

/**
 * The items of a block (mentions or traits, sorted by first token) that start inside a unit, found by
 * binary search: a paragraph of thousands of sentences must not cost a scan per sentence.
 */
export function inUnit<T extends { first: number }>(items: readonly T[], unit: Unit): T[] {
  const lo = countBefore(items.length, (i) => items[i].first < unit.first);
  let end = lo;
  while (end < items.length && items[end].first < unit.end) end++;
  return items.slice(lo, end);
}
