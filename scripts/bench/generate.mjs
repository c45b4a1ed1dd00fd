/**
 * A synthetic newsroom shaped like the seed article, for the benchmark: N MDX articles of about 900 words with
 * subheads, 5-10 quotes each from a pool of about N/5 people, 2-4 topics from about N/20, fact boxes, a route map in
 * every tenth article and related links. Seeded, so two runs write the same files. Pure: returns { path: text }.
 */

/** mulberry32: a small seeded PRNG, good enough to pick words. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  'government minister pipeline export route corridor trade investment partner union sanctions energy oil gas ' +
  'revenue border policy reform election parliament region capital port railway shipping market company ' +
  'analyst report figure percent growth budget contract supply demand security agreement summit visit council ' +
  'president committee strategy development infrastructure transit terminal tanker capacity forecast decision ' +
  'economy currency inflation protest stability dialogue neighbour cooperation dependency alternative network'
).split(' ');
const glue = 'the a of to and in on for with by from as that which while after before across between'.split(' ');
const firstNames = 'Amir Dana Erlan Gulnara Ivan Karina Marat Nadia Olga Ruslan Saule Timur Yelena Zarina Aidos Bota'.split(' ');
const lastNames = 'Abenov Bekova Dosanov Ermekova Ibragimov Kasenova Mukanov Nurlanova Omarov Petrova Sadykov Tulegenova'.split(' ');
const organisations = ['Ministry of Energy', 'Eurasian Institute', 'Caspian Research Centre', 'Trade Council', 'Port Authority'];
const titles = ['Minister', 'Analyst', 'Director', 'Economist', 'Spokesperson'];
const kinds = ['pipeline', 'shipping', 'rail', 'road'];

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
  const sentence = (words) => {
    const parts = Array.from({ length: words }, (_, i) => (i % 3 === 1 ? pick(glue) : pick(vocabulary)));
    const text = parts.join(' ');
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
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const role = { title: pick(titles), organisation: pick(organisations) };
    return { id: `bench-person-${pad(i)}`, name: `${pick(firstNames)} ${pick(lastNames)} ${i + 1}`, role };
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
    // No full stop in the words: the prose puts a comma after them ("<Quote … />," said …), as the content check asks.
    const quotes = Array.from({ length: quoteCount }, (_, q) => ({ id: `${id}-q${q}`, speaker: pick(people), text: sentence(18).slice(0, -1) }));
    const figures = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, f) => `${id}-f${f}`);

    for (const quote of quotes) {
      files[`quotes/${quote.id}.yaml`] =
        `text: ${yamlString(quote.text)}\nspeaker: ${quote.speaker.id}\nrole:\n  title: ${yamlString(quote.speaker.role.title)}\n` +
        `  organisation: ${yamlString(quote.speaker.role.organisation)}\nkind: direct\nsaid:\n  date: ${published}\n  basis: publication\n` +
        `article: ${id}\ntopics: [${pick(articleTopics)}]\nnewsroom:\n  context: ${yamlString(sentence(8))}\n`;
    }
    const wordings = [];
    for (const figure of figures) {
      const value = Math.floor(rand() * 1000);
      wordings.push(`about ${value} companies`);
      files[`figures/${figure}.yaml`] =
        `value: ${value}\nunit: companies\nqualifier: about\nmeasures: ${yamlString(sentence(6))}\nwording: ${yamlString(`about ${value} companies`)}\n` +
        `asOf:\n  date: ${published}\n  basis: publication\nsource:\n  person: ${pick(people).id}\narticle: ${id}\ntopics: [${articleTopics[0]}]\n`;
    }

    // About 900 words: 4 sections of 4 paragraphs of 3 sentences of ~18 words, quotes spread through them.
    const paragraphs = [];
    let nextQuote = 0;
    for (let section = 0; section < 4; section++) {
      if (section > 0) paragraphs.push(`## ${sentence(4).slice(0, -1)}`);
      for (let p = 0; p < 4; p++) {
        let text = Array.from({ length: 3 }, () => sentence(12 + Math.floor(rand() * 12))).join(' ');
        if (nextQuote < quotes.length && (p % 2 === 0 || section === 3)) {
          const quote = quotes[nextQuote++];
          text += ` "<Quote id="${quote.id}" />," said ${quote.speaker.name}.`;
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
    while (nextQuote < quotes.length) paragraphs.push(`"<Quote id="${quotes[nextQuote].id}" />," ${quotes[nextQuote++].speaker.name} said.`);

    const related = n > 0 && rand() < 0.5 ? `\nrelated:\n  articles: [bench-${pad(Math.floor(rand() * n))}]` : '';
    files[`articles/${id}.mdx`] =
      `---\ntitle: ${yamlString(sentence(8).slice(0, -1))}\nteaser: ${yamlString(sentence(25))}\nauthors: [${author.id}]\n` +
      `published: ${published}\ntopics: [${articleTopics.join(', ')}]\npeople: [${pick(people).id}]\nplaces: [${pickSome(places, 1, 3).join(', ')}]${related}\n` +
      `source:\n  publisher: Bench Wire\n---\n\n${paragraphs.join('\n\n')}\n`;
  }
  return files;
}

/**
 * A generated article as a bare Astro site would have it (scripts/bench/bare.mjs): the same prose, with only its title
 * and date, and none of this project's components (where a component stood, nothing is left).
 * @param {string} text an article file from generateNewsroom
 */
export function bareArticle(text) {
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  if (frontmatter === undefined || body === undefined) throw new Error('A generated article has no frontmatter');
  const kept = frontmatter.split('\n').filter((line) => /^(title|published):/.test(line));
  return `---\n${kept.join('\n')}\n---\n${body.replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, '')}`;
}
