import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { origin, smallSite } from '@/test-support/small-site';

import { personFeed, siteFeed, topicFeed } from './feeds';

const site = smallSite();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const parse = async (options: Parameters<typeof getRssString>[0]) => parser.parse(await getRssString(options)).rss.channel;
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('the site feed', () => {
  it('names its page, language and own address, and carries every article newest first', async () => {
    const channel = await parse(siteFeed(site, origin));
    expect(channel.title).toBe('Newsroom');
    expect(channel.link).toBe('https://news.example/');
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toEqual({ '@href': 'https://news.example/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' });
    expect(list(channel.item).map((item: { link: string }) => item.link)).toEqual([
      'https://news.example/articles/pipeline-deal/',
      'https://news.example/articles/older-piece/',
    ]);
  });

  it('gives each item its headline, permalink guid, date, teaser, authors and topics', async () => {
    const [item] = list((await parse(siteFeed(site, origin))).item);
    expect(item).toEqual({
      title: 'A pipeline deal',
      link: 'https://news.example/articles/pipeline-deal/',
      guid: { '#text': 'https://news.example/articles/pipeline-deal/', '@isPermaLink': 'true' },
      description: 'Two countries agree on a pipeline.',
      pubDate: 'Tue, 25 Oct 2022 00:00:00 GMT',
      'dc:creator': 'Jane Doe',
      category: ['Energy & pipelines', 'Politics'],
    });
  });
});

describe('topic and person feeds', () => {
  it('link to their page and themselves, and carry only their articles', async () => {
    const energy = site.topic('energy');
    const topic = await parse(topicFeed(site, origin, energy, [site.article('pipeline-deal')]));
    expect(topic.title).toBe('Newsroom: Energy & pipelines');
    expect(topic.description).toBe('Oil and gas, for the test.');
    expect(topic.link).toBe('https://news.example/topics/energy/');
    expect(topic['atom:link']['@href']).toBe('https://news.example/topics/energy/rss.xml');
    expect(list(topic.item).map((item: { link: string }) => item.link)).toEqual(['https://news.example/articles/pipeline-deal/']);

    const sam = site.person('sam-analyst');
    const person = await parse(personFeed(site, origin, sam, site.articlesWith(sam.id)));
    expect(person.link).toBe('https://news.example/people/sam-analyst/');
    expect(person['atom:link']['@href']).toBe('https://news.example/people/sam-analyst/rss.xml');
    expect(person.description).toBe('Articles on Newsroom that Sam Analyst wrote, edited, is quoted or mentioned in.');
    expect(list(person.item).map((item: { link: string }) => item.link)).toEqual(['https://news.example/articles/pipeline-deal/']);
  });
});
