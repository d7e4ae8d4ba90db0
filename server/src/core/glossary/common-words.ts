// Ordinary English words that a glossary name must not be mistaken for: a variant to avoid or an alias
// written like one of them would flag (or define) everyday text. The loader warns about such names
// (core/glossary/read.ts); short ones are matched only as written (core/glossary/index.ts).

export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then there these they this those through ' +
    'to too under until up us very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves one two three four five six seven eight nine ten first last next new old good best better well back way ways ' +
    'use used uses using make makes made work works worked team teams time times year years day days week month plan plans part ' +
    'parts tool tools case cases data task tasks job jobs role roles cost costs price rate rates area areas field fields level ' +
    'levels form forms line lines link links list lists note notes page pages point points set sets step steps term terms type ' +
    'types value values view views word words may might must shall get gets got go goes went see seen say said take takes give ' +
    'gives know known need needs want wants help helps run runs call calls ask asks show shows find finds keep keeps let lets put ' +
    'puts read reads add adds end ends start starts offer offers deal deals firm firms client clients service services process ' +
    'processes support staff people person man men group groups lead leads sale sales net fee fees per via ok yes hr pr id ad ads ' +
    'bill bills art arts act acts aim aims age ages air arm bar bid bids box boy car cut cuts dry due eye fit fix gap gas hit hot ' +
    'key law lay led leg lie log low map mix nor odd oil pay pen pet pin pot raw red row sea sum tax tie top toy try van war web ' +
    'win yet ago big few far lot lots main most much many less least full half open close high higher low lower small large long ' +
    'short own real free fair fine hard easy early late right left able apt core unit units site sites ops'
  ).split(/\s+/),
);
