import { z } from 'astro/zod';
import { absentWhenEmpty, routeKinds } from './common';
import type { Reference } from './reference';

/** A latitude/longitude pair in decimal degrees (WGS 84). */
export const geoPoint = z
  .object({
    lat: z
      .number({ error: 'Expected latitude as a number of degrees, e.g. 44.72.' })
      .min(-90, { error: 'Latitude must be between -90 and 90 degrees.' })
      .max(90, { error: 'Latitude must be between -90 and 90 degrees.' })
      .describe('Latitude in decimal degrees, north positive (-90 to 90).'),
    lon: z
      .number({ error: 'Expected longitude as a number of degrees, e.g. 37.77.' })
      .min(-180, { error: 'Longitude must be between -180 and 180 degrees.' })
      .max(180, { error: 'Longitude must be between -180 and 180 degrees.' })
      .describe('Longitude in decimal degrees, east positive (-180 to 180).'),
  })
  .strict();

export const placeKinds = ['city', 'capital', 'port', 'terminal', 'oil-field', 'region'] as const;

export const placeSchema = () =>
  z
    .object({
      name: z.string().min(1).describe('Name of the place as readers know it, e.g. "Novorossiysk".'),
      kind: z.enum(placeKinds).describe('What the place is: city, capital, port, terminal, oil-field or region.'),
      country: z.string().min(1).describe('The country the place is in, in English.'),
      location: geoPoint.describe('Where it is, to city level: this site\'s own data.'),
      newsroom: absentWhenEmpty(
        z
          .object({
            description: z.string().min(1).describe('One line about the place in this site\'s own words.'),
          })
          .strict(),
      ).describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();

export const routeSchema = (reference: Reference) =>
  z
    .object({
      name: z.string().min(1).describe('Name of the route, e.g. "Caspian Pipeline Consortium pipeline".'),
      kind: z.enum(routeKinds).describe('How most of the route runs: pipeline, shipping, rail or road.'),
      operator: z.string().min(1).optional().describe('Who runs the route, when one body does.'),
      waypoints: z
        .array(
          z
            .object({
              place: reference('places').describe('Id of a place (a file in places/).'),
              via: z
                .enum(routeKinds)
                .optional()
                .describe('How the leg into this waypoint runs, when it differs from the route\'s kind.'),
            })
            .strict(),
        )
        .min(2, { error: 'A route needs at least two waypoints: where it starts and where it ends.' })
        .describe('The places the route passes, in order from start to end.'),
      reported: z
        .array(
          z
            .object({
              article: reference('articles').describe('Id of the article.'),
              text: z.string().min(1).describe('What the article says about the route, verbatim.'),
            })
            .strict(),
        )
        .default([])
        .describe('What articles say about the route, verbatim.'),
      figures: z.array(reference('figures')).default([]).describe('Ids of figures about the route.'),
      topics: z.array(reference('topics')).min(1).describe('Ids of the topics the route belongs to.'),
      newsroom: z
        .object({
          description: z.string().min(1).describe('What the route is, in this site\'s own words.'),
        })
        .strict()
        .describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();
