// The words the KPO-vs-BPO claims are read by (rules/claims.ts): cues that make a sentence unsure of
// itself (denials, comparisons, talk about names, history, hedges), verbs and nouns that tie a side to
// a task or trait, and words that break that tie.

/** Words that deny or exclude: what follows them is not claimed (what comes before may be). */
export const NEGATING = new Set([
  'not', 'never', 'no', 'none', 'nor', 'neither', 'without', 'cannot', 'nothing', 'hardly', 'rarely', 'seldom',
  'except', 'excluding', 'exclude', 'excludes', 'excluded', 'exclusion', 'exclusions', 'instead', 'rather', 'beyond',
]);
/** Words that compare: a sentence that compares makes no claim of one side alone. */
export const CONTRASTING = new Set([
  'unlike', 'than', 'versus', 'vs', 'compared', 'comparing', 'comparison', 'contrast', 'whereas', 'differ', 'differs', 'different',
  'difference', 'differences', 'distinct', 'distinguish', 'distinguishes', 'opposed', 'alternative', 'alternatives',
]);
/** Words of talk about names and labels: "sold as KPO", "so-called", "a myth". */
export const META = new Set([
  'called', 'label', 'labels', 'labelled', 'labeled', 'mislabel', 'mislabelled', 'mislabeled', 'mislabelling',
  'mislabeling', 'relabel', 'relabelled', 'rebrand', 'rebranded', 'rebranding', 'branded', 'marketed', 'sold', 'sell', 'sells',
  'pitched', 'dressed', 'masquerade', 'masquerading', 'disguised', 'confuse', 'confused', 'confuses', 'confusion', 'mistake',
  'mistaken', 'mistakenly', 'misconception', 'myth', 'myths', 'wrongly', 'misclassified', 'misclassify', 'supposedly',
  'pretend', 'pretends', 'claimed', 'describe', 'describes', 'described', 'acronym', 'abbreviation',
]);
/** Words of selling that are talk about names only with "as": "sold as KPO", not "we sell KPO services such as …". */
export const SELLING = new Set(['sold', 'sell', 'sells', 'marketed', 'branded']);
/** Words of history, careers and change. */
export const HISTORY = new Set([
  'began', 'begun', 'grew', 'grown', 'evolved', 'evolve', 'evolves', 'evolving', 'evolution', 'emerged', 'emergence', 'origin',
  'origins', 'originally', 'initially', 'formerly', 'previously', 'ago', 'decades',
  'earlier', 'history', 'career', 'careers', 'graduated', 'promoted', 'promotion', 'transitioned', 'outgrew', 'legacy',
  'until', 'era', 'started', 'joined',
]);
/** Words of trends, hedges and conditions. */
export const HEDGE = new Set([
  'if', 'unless', 'whether', 'increasingly', 'blur', 'blurs', 'blurring', 'blurred', 'converge', 'converging',
  'convergence', 'expect', 'expects', 'expected', 'expecting', 'perhaps', 'arguably', 'debate', 'debated', 'question',
  'asks', 'ask', 'wonder', 'said', 'says', 'surveyed',
]);

/** Verbs (and list cues) by which a subject offers, does or includes the work that follows: "our KPO team handles". */
export const DOING_VERBS = new Set([
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
export const SUBJECT_WORDS = new Set([
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
export const NAMED_AS = new Set([
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
export const PREDICATING = new Set([
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
export const OF_SIDE = new Set(['nature', 'character', 'of', 'the', 'is', 'are', 'norm', 'standard', 'rule', 'usual', 'typical', 'in', 'among', 'across', 'hallmark', 'hallmarks', 'feature', 'features', 'defining', 'essence', 'core', 'all', 'most', 'much', 'work', 'this', 'kind', 'what', 'defines', 'define', 'characterises', 'characterizes', 'marks', 'sets']);
/** Words between a trait and the side after it: "standardized output, which is what KPO does best". */
export const WHAT_SIDE_DOES = new Set(['output', 'outputs', 'work', 'results', 'delivery', 'which', 'is', 'what', 'exactly', 'precisely', 'the', 'kind', 'of', 'that']);

/** Verbs that move or put work somewhere: "moves financial modelling into the BPO stream". */
export const MOVING = new Set(['move', 'moves', 'moved', 'moving', 'bring', 'brings', 'bringing', 'put', 'puts', 'transfer', 'transfers', 'transferred', 'shift', 'shifts', 'shifted', 'send', 'sends', 'sent', 'hand', 'hands', 'handed', 'add', 'adds', 'added', 'fold', 'folds', 'folded', 'assign', 'assigns', 'assigned', 'give', 'gives', 'place', 'places']);
/** Participles of a passive "carried out by BPO". */
export const PASSIVE = new Set(['carried', 'delivered', 'done', 'handled', 'performed', 'run', 'provided', 'offered', 'bought', 'sourced', 'supplied', 'managed', 'staffed', 'taken', 'covered', 'processed', 'produced', 'prepared', 'outsourced']);
/** Nouns of providers after a side: "BPO vendors", "KPO firms". */
export const PROVIDER_NOUNS = new Set(['vendor', 'vendors', 'provider', 'providers', 'firm', 'firms', 'team', 'teams', 'partner', 'partners', 'company', 'companies', 'shop', 'shops', 'centre', 'centres', 'center', 'centers', 'industry', 'sector']);
/** Nouns that, after "a KPO", say the phrase before is of that kind: "a core KPO service". */
export const KIND_NOUNS = new Set(['service', 'services', 'task', 'tasks', 'function', 'functions', 'activity', 'activities', 'work', 'offering', 'offerings', 'process', 'processes', 'discipline', 'line', 'speciality', 'specialty', 'delivery', 'model', 'job', 'jobs', 'role', 'roles']);
/** Words in a list's introduction or heading that say the list is what a side offers. */
export const SCOPE_WORDS = new Set([
  'services', 'service', 'offer', 'offers', 'offering', 'offerings', 'include', 'includes', 'including', 'cover', 'covers',
  'covering', 'provide', 'provides', 'deliver', 'delivers', 'handle', 'handles', 'capabilities', 'capability', 'scope',
  'portfolio', 'practice', 'solutions', 'work', 'tasks', 'examples', 'areas', 'typical', 'functions', 'processes', 'activities',
  'lines', 'do', 'does', 'run', 'runs', 'specialise', 'specialize', 'specialises', 'specializes', 'what',
]);

/** Verbs by which a side does away with work rather than doing it: "our KPO team automates data entry". */
export const REMOVING = new Set([
  'automate', 'automates', 'automated', 'automating', 'automation', 'replace', 'replaces', 'replaced', 'replacing', 'eliminate',
  'eliminates', 'eliminated', 'remove', 'removes', 'removed', 'reduce', 'reduces', 'reduced', 'free', 'frees', 'freed',
  'freeing', 'offload', 'offloads', 'offloaded', 'strip', 'strips', 'cut', 'cuts', 'minimise', 'minimize', 'minimises',
  'minimizes', 'outsource', 'outsources', 'outsourced', 'avoid', 'avoids', 'avoided', 'skip', 'skips', 'escape', 'escapes',
  'leave', 'leaves', 'left', 'hate', 'hates', 'dislike', 'dislikes', 'fewer', 'less', 'beat', 'beats', 'outgrow', 'outgrows',
]);
/** Words that join or place rather than name: a verb-less "KPO … data entry" must be nouns only ("the KPO team's data entry"). */
export const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'for', 'to', 'in', 'at', 'the', 'a', 'an', 'that', 'which', 'who', 'we', 'they', 'us', 'be', 'might', 'may', 'could', 'would', 'will', 'shall', 'can', 'also', 'now', 'its', 'own']);
/** Words that are no verb a subject does work by (for a short sentence without a known verb). */
export const NOT_VERBS = new Set(['and', 'or', 'but', 'with', 'for', 'as', 'if', 'when', 'while', 'than', 'like', 'which', 'who', 'that', 'whose', 'where']);

/** Nouns of jobs and careers: "entry-level KPO roles" speaks of a career step, not of KPO's skills. */
export const JOB_NOUNS = new Set(['role', 'roles', 'job', 'jobs', 'position', 'positions', 'opening', 'openings', 'hire', 'hires', 'career', 'careers', 'graduate', 'graduates', 'salary', 'salaries', 'pay', 'vacancy', 'vacancies', 'recruits', 'trainees', 'interns']);

/** Words that give a stretch of text a verb (or a relative clause) of its own. */
export const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', 'can', 'will', 'would', 'should', 'that', 'which', 'who', 'whose']);

/** Prepositions that put what follows them outside the object of the verb. */
export const AWAY = new Set(['behind', 'of', 'about', 'from', 'into', 'around', 'across', 'besides', 'alongside', 'after', 'before', 'during', 'despite', 'against', 'behind', 'beside', 'near', 'towards', 'toward']);

/** Words that open a new clause: what follows them has a subject of its own. */
export const CONNECTORS = new Set(['whereas', 'while', 'whilst', 'but', 'although', 'though', 'however', 'yet', 'whereby']);

export const WH_WORDS = new Set(['what', 'which', 'how', 'where', 'who']);
export const START_WORDS = new Set(['started', 'began', 'begun']);
/** Every word a cue can start with: the unit scan skips the rest at the cost of one lookup. */
export const CUE_WORDS = new Set([...META, ...HISTORY, ...HEDGE, ...CONTRASTING, ...NEGATING, ...START_WORDS, 'used', 'if', 'other', 'apart', 'outside', 'opposed', 'see']);

/** Words before a task in a sentence that lists examples: "for example …", "such as …". */
export const LISTING = new Set(['example', 'examples', 'include', 'includes', 'including', 'such', 'e', 'eg', 'like', 'covers', 'cover', 'typically', 'namely']);
/** Verbs that say what the subject is or needs: "the work is repetitive", "is delivered by professionals with advanced degrees". */
export const PREDICATE_VERBS = /^(is|are|was|were|be|been|remains|requires|require|needs|need|demands|depends|relies|delivered|done|staffed|performed|handled|made|run|means)$/;
