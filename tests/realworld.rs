//! The real-world set (`fixtures/realworld`: real articles in many languages, with hand-checked
//! gold) scored by `scripts/score.py`, with minimums just under what the scanner reaches; and the
//! next batches (`fixtures/realworld-next`, `-next2`, … `-next6`), each scored on its own
//! until it joins the set.
//!
//! The minimums only go up: when a change raises a figure, raise its minimum with it. The scorer
//! prints every miss, spurious record and wrong field; run it by hand as the README shows.

use crate::common;

use std::path::Path;
use std::process::Command;

/// Minimums of the scorer's summary figures on the whole set.
const MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.98),
    ("post_recall", 0.98),
    ("field_accuracy", 0.988),
    ("dedup", 0.98),
    ("quote_precision", 0.96),
    ("quote_recall", 0.89),
    ("speaker_accuracy", 0.71),
    ("quote_links", 0.95),
];

/// Minimums on the next batch, set when it was added (it was scored before any rule).
const NEXT_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.97),
    ("post_recall", 0.99),
    ("field_accuracy", 0.978),
    ("dedup", 0.99),
    ("quote_precision", 0.95),
    ("quote_recall", 0.69),
    ("speaker_accuracy", 0.71),
    ("quote_links", 0.89),
];

/// Minimums on the second next batch (quotations and their speakers, scored before any rule).
const NEXT2_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.88),
    ("speaker_accuracy", 0.80),
    ("quote_links", 0.99),
];

/// Minimums on the third next batch (13 languages, scored before any rule was drawn from it).
const NEXT3_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.86),
    ("speaker_accuracy", 0.59),
    ("quote_links", 0.98),
];

/// Minimums on the fourth next batch (16 languages, scored before any rule was drawn from it).
const NEXT4_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.96),
    ("field_accuracy", 0.96),
    ("dedup", 0.96),
    ("quote_precision", 0.99),
    ("quote_recall", 0.98),
    // 0.780 -> 0.768 when the nearest name outside the quotation's paragraph began to stand
    // for its sentence's subject (386: `Le président Macky Sall … après l'élection
    // d'Emmanuelle Macron.` for the next paragraph's `le chef de l'Etat français`), a rule
    // that gains four speakers over all sets.
    ("speaker_accuracy", 0.76),
    ("quote_links", 0.90),
];

/// Minimums on the fifth next batch (17 languages, scored before any rule was drawn from it;
/// its post precision is low because seven posts of one document print the same words, which
/// the scorer pairs by text).
const NEXT5_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.68),
    ("post_recall", 0.99),
    ("field_accuracy", 0.82),
    ("dedup", 0.99),
    ("quote_precision", 0.97),
    ("quote_recall", 0.82),
    ("speaker_accuracy", 0.59),
    ("quote_links", 0.97),
];

/// Minimums on the sixth next batch (19 languages; some quote recall is lost to the scorer
/// pairing short optional quotes with the long ones that contain their words, and post
/// precision to its pairing every gold post with the first record of the same text: 446's three
/// caption-less embeds of one account are three records, as its gold has them, of which the
/// scorer counts two as spurious).
const NEXT6_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.85),
    ("post_recall", 0.99),
    ("field_accuracy", 0.96),
    ("dedup", 0.99),
    ("quote_precision", 0.95),
    ("quote_recall", 0.85),
    // 0.767 before `問` was a Chinese cue: 438's two questions after `也有人狂問` are found
    // since, their speaker read as `人狂` (gold `有人`).
    ("speaker_accuracy", 0.74),
    ("quote_links", 0.97),
];

/// Minimums on the seventh next batch (18 documents, half English; scored before any rule was
/// drawn from it: posts P/R 0.833, quotes P 1.000 R 0.866, speakers 0.630; the quote and speaker
/// minimums follow the rules drawn since).
const NEXT7_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.83),
    ("post_recall", 0.83),
    ("field_accuracy", 0.93),
    ("dedup", 0.92),
    ("quote_precision", 0.99),
    ("quote_recall", 0.91),
    ("speaker_accuracy", 0.83),
    ("quote_links", 0.97),
];

/// Minimums on the eighth next batch (18 documents, 13 with posts; scored before any rule was
/// drawn from it: posts P 1.000 R 0.649, quotes P 0.879 R 0.931, speakers 0.586; the post
/// and speaker minimums follow the rules drawn since: the handle-signed list, the dateless
/// credit, JSX embeds, cues with a clitic).
const NEXT8_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.98),
    ("dedup", 0.99),
    ("quote_precision", 0.93),
    ("quote_recall", 0.93),
    ("speaker_accuracy", 0.72),
    ("quote_links", 0.99),
];

/// Minimums on the ninth next batch (14 documents, 11 with posts, most of them not English;
/// scored before any rule was drawn from it: posts P 0.929 R 1.000 (three gold posts paired
/// with one prediction), fields 0.921, quotes P/R 0.864, speakers 0.211; the speaker minimum
/// follows the rules drawn since: the credit line over a quotation, Greek plural cues).
const NEXT9_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.92),
    ("post_recall", 0.99),
    ("field_accuracy", 0.93),
    ("dedup", 0.99),
    ("quote_precision", 0.95),
    ("quote_recall", 0.86),
    ("speaker_accuracy", 0.68),
    // 0.895 before the Greek plural cues: with its cue found, 486's quotation of what users
    // write is taken for a translation of the English post printed under it.
    ("quote_links", 0.84),
];

/// Minimums on the tenth next batch (14 documents, 9 with posts, none English; scored before
/// any rule was drawn from it: posts P 0.947 R 0.857, fields 0.939, dedup 0.826, quotes P 1.000
/// R 0.773, speakers 0.368; the field and speaker minimums follow the rules drawn since: marks
/// around a listed item, a media link glued to a hashtag, a Slavic dative after the cue, a
/// post glued into prose of another script).
const NEXT10_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.95),
    ("post_recall", 0.90),
    ("field_accuracy", 0.99),
    ("dedup", 0.86),
    ("quote_precision", 0.99),
    ("quote_recall", 0.77),
    ("speaker_accuracy", 0.57),
    ("quote_links", 0.99),
];

/// The eleventh batch (`fixtures/realworld-next11`), 17 documents first scored at posts P
/// 0.923 R 0.500, fields 0.877, dedup 0.567, quotes P 1.000 R 0.951, speakers 0.561, links
/// 1.000, before the rules drawn from it (a hyphen glued to a post's last mark as the dash, a
/// signature glued to the next post, a post glued to the prose, Instagram's older Russian
/// credit, a credit line under a quotation, a comma participle's subject, Czech cues, a
/// Korean name with its honorific).
const NEXT11_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.88),
    ("field_accuracy", 0.96),
    ("dedup", 0.90),
    ("quote_precision", 0.99),
    ("quote_recall", 0.95),
    ("speaker_accuracy", 0.92),
    ("quote_links", 0.99),
];

/// The twelfth batch (`fixtures/realworld-next12`), 15 documents in 14 languages first scored
/// at posts P 1.000 R 0.541, fields 0.975, dedup 0.614, quotes P 0.897 R 0.957, speakers 0.538,
/// links 0.808, before the rules drawn from it (credits under and headers over listed posts, a
/// word glued to a media id, the Hindi ergative, a titled headline speaker, CJK pairs of
/// characters in linking).
const NEXT12_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.98),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.95),
    ("speaker_accuracy", 0.69),
    ("quote_links", 0.92),
];

/// The thirteenth batch (`fixtures/realworld-next13`), 15 documents in 12 languages first
/// scored at posts P 1.000 R 0.750, fields 0.993, dedup 0.792, quotes P 1.000 R 0.861, speakers
/// 0.515, links 0.939, before the rules drawn from it (prose quoting a post's first words above
/// its lines, `handle: text` over credit lines, masked IDs opening comments, an account's name
/// in quote marks after the cue, Nordic and Czech cues).
const NEXT13_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.94),
    ("speaker_accuracy", 0.64),
    ("quote_links", 0.99),
];

/// The fourteenth batch (`fixtures/realworld-next14`), 15 documents in 13 languages first
/// scored at posts P 1.000 R 0.826, fields 0.984, dedup 0.867, quotes P 0.965 R 0.963, speakers
/// 0.455, links 0.945, before the rules drawn from it (replies listed as `@handle: text`, a
/// label and a colon opening a quotation's line, netizens named next to Chinese quotations).
const NEXT14_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.96),
    ("quote_recall", 0.96),
    ("speaker_accuracy", 0.89),
    ("quote_links", 0.96),
];

/// The fifteenth batch (`fixtures/realworld-next15`), 10 documents in 8 languages first scored
/// at posts P 1.000 R 0.667, fields 0.975, dedup 0.600, quotes P 1.000 R 0.857, speakers 0.895,
/// links 1.000 (577 panicked; without it posts R 1.000), before the rules drawn from it (the
/// Arabic `؟` slice, `رد` as a cue, a sentence introducing a post's author between it and the
/// post above, an initial opening a name, Turkish `şeklinde yanıt verdi`).
const NEXT15_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.95),
    ("speaker_accuracy", 0.99),
    ("quote_links", 0.90),
];

/// The sixteenth batch (`fixtures/realworld-next16`), 13 documents in 7 languages first scored
/// at posts P 1.000 R 1.000, fields 0.983, dedup 1.000, quotes P 0.971 R 0.784, speakers 0.176
/// (14 of its 34 matched quotations name nobody, which the scorer counts wrong), links 1.000,
/// before the rules drawn from it (a title the one titled person holds, `expresidente`).
const NEXT16_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.98),
    ("dedup", 0.99),
    ("quote_precision", 0.97),
    ("quote_recall", 0.94),
    ("speaker_accuracy", 0.26),
    ("quote_links", 0.99),
];

/// The seventeenth batch (`fixtures/realworld-next17`), 13 documents in 9 languages first
/// scored at posts P 1.000 R 1.000, fields 0.955, dedup 1.000, quotes P 1.000 R 0.824, speakers
/// 0.600, links 0.800, before the rules drawn from it (a post's lines under a sentence
/// introducing its author, Instagram's Polish call to action glued to the caption, Korean
/// `제안하자`; the quotation it finds has its speaker unread, 0.600 -> 0.562).
const NEXT17_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.97),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.88),
    ("speaker_accuracy", 0.62),
    ("quote_links", 0.80),
];

/// The eighteenth batch (`fixtures/realworld-next18`), 13 documents in 8 languages first scored
/// at posts P 1.000 R 0.900, fields 0.981, dedup 0.914, quotes P 0.962 R 0.875, speakers 0.600,
/// links 0.960, before the rules drawn from it (a signature right under another's, a media link
/// glued to a full stop, `trinó`, closing marks printed as a double prime or a reversed
/// guillemet). Post precision 0.933 and fields 0.977: the scorer matches gold posts by text, so
/// 623's three media-only replies (empty texts) all go to the first, two counted spurious.
const NEXT18_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.93),
    ("post_recall", 0.99),
    ("field_accuracy", 0.97),
    ("dedup", 0.99),
    ("quote_precision", 0.96),
    ("quote_recall", 0.91),
    ("speaker_accuracy", 0.77),
    ("quote_links", 0.99),
];

/// The nineteenth batch (`fixtures/realworld-next19`), 13 documents in 6 languages first scored
/// at posts P 0.774 R 0.871, fields 0.911, dedup 0.775, quotes P 0.974 R 0.921, speakers 0.622,
/// links 1.000, before the rules drawn from it (replies opening with the handle of a post above,
/// a list opening under a signature, handles crediting a quotation, accounts standing for their
/// owners, `mandatario`). Posts P 0.774 and dedup 0.775: 634's four signature-only posts, each
/// under a line of the article's (missed, the line taken as text), and the scorer matching
/// 637's four media-only replies (texts equal once links are dropped) to the first.
const NEXT19_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.77),
    ("post_recall", 0.87),
    ("field_accuracy", 0.94),
    ("dedup", 0.77),
    ("quote_precision", 0.97),
    ("quote_recall", 0.92),
    ("speaker_accuracy", 0.81),
    ("quote_links", 0.99),
];

/// The twentieth batch (`fixtures/realworld-next20`), 13 documents in 12 languages first scored
/// at posts P 1.000 R 1.000, fields 0.982, dedup 1.000, quotes P 1.000 R 0.828, speakers 0.241,
/// links 0.931, before the rules drawn from it (a Korean speaker going on past a byline's name,
/// Czech cues and prepositions, a coordinated Chinese cue, Hindi given names and pronouns).
const NEXT20_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.99),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.82),
    ("speaker_accuracy", 0.62),
    ("quote_links", 0.93),
];

/// The twenty-first batch (`fixtures/realworld-next21`), 13 documents in 10 languages first
/// scored at posts P 1.000 R 0.875, fields 0.943, dedup 0.909, quotes P 1.000 R 0.962, speakers
/// 0.357, links 0.964 (the rules of next19 and next20 already in), before the rules drawn
/// from it (fans commenting, `Manuela`, a role going to the name named most, a verb-second
/// subject before `and`, a TikTok caption over its sound line with the author's line lost).
const NEXT21_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.99),
    ("field_accuracy", 0.96),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.96),
    ("speaker_accuracy", 0.74),
    ("quote_links", 0.99),
];

/// The twenty-second batch (`fixtures/realworld-next22`), 13 documents in 9 languages, first scored
/// at posts P 1.000 R 0.833, fields 0.940, dedup 0.875, quotes P 0.957 R 0.870, speakers 0.818,
/// links 0.955, before the rules drawn from it (a trailing t.co link left out of the limit, a title
/// with its elided complement).
const NEXT22_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.82),
    ("field_accuracy", 0.94),
    ("dedup", 0.87),
    ("quote_precision", 0.95),
    ("quote_recall", 0.86),
    ("speaker_accuracy", 0.85),
    ("quote_links", 0.95),
];

/// The twenty-third batch (`fixtures/realworld-next23`), 13 documents in 8 languages, first scored
/// at posts P 0.929 R 1.000, fields 0.936, dedup 1.000, quotes P 1.000 R 0.923, speakers 0.562,
/// links 0.938, before the rules drawn from it (a marked heading, a post's script read before its
/// links).
const NEXT23_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.92),
    ("post_recall", 0.99),
    ("field_accuracy", 0.93),
    ("dedup", 0.99),
    ("quote_precision", 0.99),
    ("quote_recall", 0.91),
    ("speaker_accuracy", 0.55),
    ("quote_links", 0.93),
];

/// The twenty-fourth batch (`fixtures/realworld-next24`), 13 documents in 6 languages, first scored
/// at posts P 1.000 R 0.789, fields 0.993, dedup 0.783, quotes P 0.938 R 0.931, speakers 0.333,
/// links 0.967, before the rules drawn from it (Tagalog cues, Indonesian fused pronouns, handles
/// ending with `_`).
const NEXT24_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.78),
    ("field_accuracy", 0.98),
    ("dedup", 0.77),
    ("quote_precision", 0.93),
    ("quote_recall", 0.92),
    ("speaker_accuracy", 0.56),
    ("quote_links", 0.96),
];

/// The twenty-fifth batch (`fixtures/realworld-next25`), 13 documents in 9 languages, first scored
/// at posts P 1.000 R 0.833, fields 1.000, dedup 0.889, quotes P 1.000 R 0.938, speakers 0.188,
/// links 0.969, before the rules drawn from it (the handle with its trailing underscore).
const NEXT25_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.99),
    ("post_recall", 0.82),
    ("field_accuracy", 0.99),
    ("dedup", 0.88),
    ("quote_precision", 0.99),
    ("quote_recall", 0.93),
    ("speaker_accuracy", 0.21),
    ("quote_links", 0.96),
];

/// The twenty-sixth batch (`fixtures/realworld-next26`), 13 documents in 10 languages, first scored
/// at posts P 0.800 R 1.000, fields 0.975, dedup 1.000, quotes P 0.966 R 0.722, speakers 0.643,
/// links 0.964, before the rules drawn from it (none yet).
const NEXT26_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.79),
    ("post_recall", 0.99),
    ("field_accuracy", 0.97),
    ("dedup", 0.99),
    ("quote_precision", 0.96),
    ("quote_recall", 0.71),
    ("speaker_accuracy", 0.63),
    ("quote_links", 0.95),
];

/// The twenty-seventh batch (`fixtures/realworld-next27`), 13 documents in 3 languages, first
/// scored at posts P 0.974 R 0.974, fields 0.963, dedup 0.975, quotes P 0.960 R 0.913, speakers
/// 0.708, links 1.000, before the rules drawn from it (none yet).
const NEXT27_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.96),
    ("post_recall", 0.96),
    ("field_accuracy", 0.95),
    ("dedup", 0.97),
    ("quote_precision", 0.95),
    ("quote_recall", 0.90),
    ("speaker_accuracy", 0.70),
    ("quote_links", 0.99),
];

/// The twenty-eighth batch (`fixtures/realworld-next28`), 12 documents in 10 languages, first
/// scored at posts P 0.909 R 0.714, fields 0.980, dedup 0.737, quotes P 1.000 R 0.930, speakers
/// 0.583, links 1.000, before the rules drawn from it (none yet; the rules of next22 to next25
/// already in).
const NEXT28_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.90),
    ("post_recall", 0.70),
    ("field_accuracy", 0.97),
    ("dedup", 0.73),
    ("quote_precision", 0.99),
    ("quote_recall", 0.92),
    ("speaker_accuracy", 0.57),
    ("quote_links", 0.99),
];

/// The twenty-ninth batch (`fixtures/realworld-next29`), 12 documents in 9 languages, first scored
/// at posts P 0.889 R 0.889, fields 0.988, dedup 0.824, quotes P 0.958 R 0.955, speakers 0.348,
/// links 0.913, before the rules drawn from it (none yet; the rules of next22 to next25 already
/// in).
const NEXT29_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.88),
    ("post_recall", 0.88),
    ("field_accuracy", 0.98),
    ("dedup", 0.81),
    ("quote_precision", 0.95),
    ("quote_recall", 0.95),
    ("speaker_accuracy", 0.34),
    ("quote_links", 0.90),
];

/// The thirtieth batch (`fixtures/realworld-next30`), 13 English documents, first scored at posts P
/// 0.920 R 0.657, fields 0.957, dedup 0.674, quotes P 0.941 R 0.879, speakers 0.688, links 1.000,
/// before the rules drawn from it (undated signatures in a list; the rules of next22 to next27
/// already in).
const NEXT30_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.96),
    ("post_recall", 0.90),
    ("field_accuracy", 0.96),
    ("dedup", 0.90),
    ("quote_precision", 0.93),
    ("quote_recall", 0.87),
    ("speaker_accuracy", 0.68),
    ("quote_links", 0.90),
];

/// The thirty-first batch (`fixtures/realworld-next31`), 13 documents in Spanish, Portuguese, French and Italian, first scored at posts P 1.000 R 1.000,
/// fields 0.960, dedup 1.000, quotes P 1.000 R 0.905, speakers 0.634, links 0.976 (quotes R
/// 0.929 since the curly opening closed by a straight mark).
const NEXT31_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 1.00),
    ("post_recall", 1.00),
    ("field_accuracy", 0.96),
    ("dedup", 1.00),
    ("quote_precision", 1.00),
    ("quote_recall", 0.92),
    ("speaker_accuracy", 0.61),
    ("quote_links", 0.97),
];

/// The thirty-second batch (`fixtures/realworld-next32`), 13 documents in German, Swedish, Dutch, Czech, Polish, Norwegian, Hungarian and Danish, first
/// scored at posts P 1.000 R 0.941, fields 0.988, dedup 0.952, quotes P 1.000 R 0.758, speakers
/// 0.457, links 1.000 (the scorer counts 8 quotations whose gold names nobody as wrong speakers).
const NEXT32_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 1.00),
    ("post_recall", 0.94),
    ("field_accuracy", 0.98),
    ("dedup", 0.95),
    ("quote_precision", 1.00),
    ("quote_recall", 0.81),
    ("speaker_accuracy", 0.48),
    ("quote_links", 1.00),
];

/// The thirty-third batch (`fixtures/realworld-next33`), 13 English documents from Nigeria, South Africa, Kenya, India, Australia and the US, first
/// scored at posts P 0.917 R 0.892, fields 0.915, quotes P 0.968 R 0.818, speakers 0.700; with the
/// gold revised to the reference set's reading of signatures glued after a post's first line,
/// posts P 0.973 R 1.000, fields 0.981, before the rule drawn from it (the walk back stops there).
const NEXT33_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 1.00),
    ("post_recall", 1.00),
    ("field_accuracy", 1.00),
    ("dedup", 1.00),
    ("quote_precision", 0.96),
    ("quote_recall", 0.81),
    ("speaker_accuracy", 0.76),
    ("quote_links", 1.00),
];

/// The thirty-fourth batch (`fixtures/realworld-next34`), 13 documents in Russian, Ukrainian, Turkish, Arabic, Hebrew and Persian, first scored at posts P
/// 0.944 R 0.944, fields 0.971, dedup 0.941, quotes P 1.000 R 0.870, speakers 0.435, links 0.696
/// (quotes R 0.913 since closing marks whose opening mark was lost).
const NEXT34_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.94),
    ("post_recall", 0.94),
    ("field_accuracy", 0.97),
    ("dedup", 0.94),
    ("quote_precision", 1.00),
    ("quote_recall", 0.91),
    ("speaker_accuracy", 0.41),
    ("quote_links", 0.70),
];

/// The thirty-fifth batch (`fixtures/realworld-next35`), 12 documents in Japanese, Chinese, Thai, Korean, Indonesian and Vietnamese, first scored at
/// posts P 0.556 (the scorer pairs four optional bare-URL tweets of empty text with an Instagram
/// post: every required post is found) R 1.000, fields 1.000, quotes P 1.000 R 0.824, speakers
/// 0.233, links 0.967.
const NEXT35_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.55),
    ("post_recall", 1.00),
    ("field_accuracy", 1.00),
    ("dedup", 1.00),
    ("quote_precision", 1.00),
    ("quote_recall", 0.82),
    ("speaker_accuracy", 0.23),
    ("quote_links", 0.96),
];

/// The thirty-sixth batch (`fixtures/realworld-next36`), 11 documents in Spanish and English, first scored at posts P 1.000 R 1.000, fields 0.992,
/// quotes P 1.000 R 0.792, speakers 0.458, links 1.000 (quotes R 0.917 since closing marks
/// whose opening mark was lost).
const NEXT36_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 1.00),
    ("post_recall", 1.00),
    ("field_accuracy", 0.99),
    ("dedup", 1.00),
    ("quote_precision", 1.00),
    ("quote_recall", 0.91),
    ("speaker_accuracy", 0.51),
    ("quote_links", 1.00),
];

/// The thirty-seventh batch (`fixtures/realworld-next37`), 10 English documents from the Philippines, Ireland, India, New Zealand,
/// Australia, Canada, the UK and the US, first scored at posts P 0.933 R 0.609, fields 0.986,
/// dedup 0.640, quotes P 0.971 R 1.000, speakers 0.515, links 0.970, before the rules drawn from
/// it (signatures dated by Unix seconds; a pronoun's subject when the nearest name has no gender).
const NEXT37_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 0.95),
    ("post_recall", 0.86),
    ("field_accuracy", 0.99),
    ("dedup", 0.88),
    ("quote_precision", 0.97),
    ("quote_recall", 1.00),
    ("speaker_accuracy", 0.57),
    ("quote_links", 0.96),
];

/// The thirty-eighth batch (`fixtures/realworld-next38`), 9 documents in French, German and Italian, first scored at posts P 1.000
/// R 1.000, fields 0.957, dedup 1.000, quotes P 1.000 R 0.895, speakers 0.500, links 1.000.
const NEXT38_MINIMUMS: [(&str, f64); 8] = [
    ("post_precision", 1.00),
    ("post_recall", 1.00),
    ("field_accuracy", 0.95),
    ("dedup", 1.00),
    ("quote_precision", 1.00),
    ("quote_recall", 0.89),
    ("speaker_accuracy", 0.50),
    ("quote_links", 1.00),
];

#[test]
fn realworld_set_meets_its_minimums() {
    score_set("fixtures/realworld", &MINIMUMS);
}

#[test]
fn next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next", &NEXT_MINIMUMS);
}

#[test]
fn second_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next2", &NEXT2_MINIMUMS);
}

#[test]
fn third_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next3", &NEXT3_MINIMUMS);
}

#[test]
fn fourth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next4", &NEXT4_MINIMUMS);
}

#[test]
fn fifth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next5", &NEXT5_MINIMUMS);
}

#[test]
fn sixth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next6", &NEXT6_MINIMUMS);
}

#[test]
fn seventh_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next7", &NEXT7_MINIMUMS);
}

#[test]
fn eighth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next8", &NEXT8_MINIMUMS);
}

#[test]
fn ninth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next9", &NEXT9_MINIMUMS);
}

#[test]
fn tenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next10", &NEXT10_MINIMUMS);
}

#[test]
fn eleventh_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next11", &NEXT11_MINIMUMS);
}

#[test]
fn twelfth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next12", &NEXT12_MINIMUMS);
}

#[test]
fn thirteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next13", &NEXT13_MINIMUMS);
}

#[test]
fn fourteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next14", &NEXT14_MINIMUMS);
}

#[test]
fn fifteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next15", &NEXT15_MINIMUMS);
}

#[test]
fn sixteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next16", &NEXT16_MINIMUMS);
}

#[test]
fn seventeenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next17", &NEXT17_MINIMUMS);
}

#[test]
fn eighteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next18", &NEXT18_MINIMUMS);
}

#[test]
fn nineteenth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next19", &NEXT19_MINIMUMS);
}

#[test]
fn twentieth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next20", &NEXT20_MINIMUMS);
}

#[test]
fn twenty_first_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next21", &NEXT21_MINIMUMS);
}

#[test]
fn twenty_second_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next22", &NEXT22_MINIMUMS);
}

#[test]
fn twenty_third_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next23", &NEXT23_MINIMUMS);
}

#[test]
fn twenty_fourth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next24", &NEXT24_MINIMUMS);
}

#[test]
fn twenty_fifth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next25", &NEXT25_MINIMUMS);
}

#[test]
fn twenty_sixth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next26", &NEXT26_MINIMUMS);
}

#[test]
fn twenty_seventh_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next27", &NEXT27_MINIMUMS);
}

#[test]
fn twenty_eighth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next28", &NEXT28_MINIMUMS);
}

#[test]
fn twenty_ninth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next29", &NEXT29_MINIMUMS);
}

#[test]
fn thirtieth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next30", &NEXT30_MINIMUMS);
}

#[test]
fn thirty_first_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next31", &NEXT31_MINIMUMS);
}

#[test]
fn thirty_second_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next32", &NEXT32_MINIMUMS);
}

#[test]
fn thirty_third_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next33", &NEXT33_MINIMUMS);
}

#[test]
fn thirty_fourth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next34", &NEXT34_MINIMUMS);
}

#[test]
fn thirty_fifth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next35", &NEXT35_MINIMUMS);
}

#[test]
fn thirty_sixth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next36", &NEXT36_MINIMUMS);
}

#[test]
fn thirty_seventh_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next37", &NEXT37_MINIMUMS);
}

#[test]
fn thirty_eighth_next_batch_meets_its_minimums() {
    score_set("fixtures/realworld-next38", &NEXT38_MINIMUMS);
}

/// Scores the set in `set` (relative to the package) and fails below any of `minimums`.
fn score_set(set: &str, minimums: &[(&str, f64)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = common::temp_dir(&format!("score-{}", set.replace('/', "-")));
    let gold = dir.join("gold.json");
    let pred = dir.join("pred.json");

    let combined = Command::new("python3")
        .arg(root.join("scripts/realworld-gold"))
        .arg(root.join(set))
        .output()
        .expect("python3 runs");
    assert!(
        combined.status.success(),
        "scripts/realworld-gold failed: {}",
        String::from_utf8_lossy(&combined.stderr)
    );
    std::fs::write(&gold, &combined.stdout).unwrap();

    let docs = root.join(set).join("docs");
    let out = common::embedscan(&[docs.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", common::stderr(&out));
    std::fs::write(&pred, &out.stdout).unwrap();

    let mut score = Command::new("python3");
    score
        .arg(root.join("scripts/score.py"))
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .arg("-v");
    for (name, min) in minimums {
        score.arg("--min").arg(format!("{name}={min}"));
    }
    let scored = score.output().expect("python3 runs");
    let report = String::from_utf8_lossy(&scored.stdout);
    println!("{report}");
    assert!(scored.status.success(), "below a minimum:\n{report}");
}
