/**
 * A small but complete site for tests of what the site publishes about its content (the API, feeds, structured
 * data): two articles (one updated, corrected and edited), people, a quote split into segments, a figure, places
 * and a route, written as a journalist writes the files.
 */
import { figure, place, route } from './fixtures';
import { testSite } from './site';

/** The small site's one route, as its file is written: the content API publishes it as it stands. */
export const caspianCrossing = route('Caspian crossing', {
  kind: 'shipping',
  waypoints: [{ place: 'aktau' }, { place: 'baku' }],
  reported: [{ article: 'pipeline-deal', text: 'Tankers cross the Caspian.' }],
  figures: ['oil-share'],
  topics: ['energy'],
  newsroom: { description: 'A sea route, for the test.' },
});

export const origin = new URL('https://news.example/');

export const smallSite = () =>
  testSite({
    people: {
      'jane-doe': {
        name: 'Jane Doe',
        roles: [{ title: 'Correspondent', organisation: 'DW', statedIn: 'pipeline-deal' }],
        newsroom: { description: 'A correspondent, for the test.' },
      },
      'sam-analyst': {
        name: 'Sam Analyst',
        roles: [{ title: 'Analyst', organisation: 'Carnegie', newsroom: { from: '2020-01-01' } }],
        wikidata: 'Q42',
        newsroom: { description: 'An analyst, for the test.' },
      },
    },
    topics: {
      energy: { name: 'Energy & pipelines', newsroom: { description: 'Oil and gas, for the test.' } },
      politics: { name: 'Politics', newsroom: { description: 'Politics, for the test.' } },
    },
    articles: {
      'pipeline-deal': {
        title: 'A pipeline deal',
        teaser: 'Two countries agree on a pipeline.',
        authors: ['jane-doe'],
        editors: ['sam-analyst'],
        published: '2022-10-25',
        updated: '2022-10-27',
        topics: ['energy', 'politics'],
        places: ['aktau', 'baku'],
        leadImage: { alt: 'A pipeline', caption: 'The pipeline.', credit: 'Image: Someone' },
        source: { publisher: 'DW', url: 'https://www.dw.com/en/a-pipeline-deal/a-1' },
        corrections: [{ date: '2022-11-02', kind: 'correction', text: 'An earlier version misnamed the port.' }],
        body: 'Sam says "<Quote id="sam-split" speaker="sam-analyst" kind="direct">We will build it</Quote>," and then "<Quote id="sam-split" speaker="sam-analyst" kind="direct">and it will carry oil.</Quote>"',
      },
      'older-piece': {
        title: 'An older piece',
        teaser: 'Something happened.',
        authors: ['jane-doe'],
        published: '2021-05-01',
        topics: ['politics'],
        source: { publisher: 'DW' },
        body: 'Plain words.',
      },
    },
    quotes: {
      'sam-split': {
        text: ['We will build it', 'and it will carry oil.'],
        speaker: 'sam-analyst',
        role: { title: 'Analyst', organisation: 'Carnegie' },
        kind: 'direct',
        said: { date: '2022-10-01', precision: 'month', wording: 'In October', basis: 'stated' },
        article: 'pipeline-deal',
        topics: ['energy'],
        newsroom: { context: 'Sam, to DW, on the pipeline.' },
      },
    },
    figures: {
      'oil-share': figure({
        value: 40,
        unit: 'percent',
        qualifier: 'more than',
        measures: 'Share of revenue from oil',
        wording: 'more than 40%',
        source: { person: 'sam-analyst' },
        article: 'pipeline-deal',
        topics: ['energy'],
      }),
    },
    places: {
      aktau: place('Aktau', { kind: 'port', country: 'Kazakhstan', location: { lat: 43.65, lon: 51.17 } }),
      baku: place('Baku', { kind: 'capital', country: 'Azerbaijan', location: { lat: 40.41, lon: 49.87 } }),
    },
    routes: {
      'caspian-crossing': caspianCrossing,
    },
  });
