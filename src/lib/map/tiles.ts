/**
 * An optional tile layer for the interactive maps. Off by default: every tile is an image from the tile server, so
 * turning it on makes readers' browsers ask that host. A deployment that wants tiles sets PUBLIC_MAP_TILE_URL (a
 * Leaflet URL template, https only) and PUBLIC_MAP_TILE_ATTRIBUTION (the credit the tile provider asks for).
 */
export interface TileLayerConfig {
  url: string;
  attribution: string;
}

export function tileLayerFrom(env: Record<string, string | undefined>): TileLayerConfig | undefined {
  const url = env['PUBLIC_MAP_TILE_URL']?.trim();
  const attribution = env['PUBLIC_MAP_TILE_ATTRIBUTION']?.trim();
  if (!url) return undefined;
  if (!/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/.test(url) || !url.includes('{x}') || !url.includes('{y}')) {
    throw new Error(
      `PUBLIC_MAP_TILE_URL: expected an https URL template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png, got "${url}".`,
    );
  }
  if (!attribution) {
    throw new Error('PUBLIC_MAP_TILE_ATTRIBUTION: a tile layer needs the credit its provider asks for; set it next to PUBLIC_MAP_TILE_URL.');
  }
  return { url, attribution };
}
