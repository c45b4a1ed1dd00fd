/**
 * The stylesheet of a map picture served as a file of its own (an <img>), where the page's CSS and its custom
 * properties do not reach. Its colours are read from src/styles/tokens.css, so the picture and the page's
 * interactive map keep one palette: each token's light-dark() pair gives the light and the dark picture.
 */
// As text through Vite, so it is bundled with the build instead of read from a path that moves with it.
import tokensCss from '../../styles/tokens.css?raw';

export type Scheme = 'light' | 'dark';

let tokens: Map<string, [string, string]> | undefined;

/** Every `--color-*: light-dark(light, dark)` of tokens.css. */
export function colourTokens(css: string = tokensCss): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  for (const [, name, light, dark] of css.matchAll(/--(color-[a-z-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{3,8})\s*,\s*(#[0-9a-fA-F]{3,8})\s*\)/g)) {
    found.set(name!, [light!, dark!]);
  }
  return found;
}

function colour(name: string, scheme: Scheme): string {
  tokens ??= colourTokens();
  const pair = tokens.get(name);
  if (!pair) throw new Error(`map-style: src/styles/tokens.css has no --${name}: light-dark(#…, #…).`);
  return pair[scheme === 'light' ? 0 : 1];
}

/** The picture's CSS for one colour scheme. Sizes grow when the picture is drawn narrow (a phone): see RouteMap. */
export function mapStyle(scheme: Scheme): string {
  const c = (name: string) => colour(name, scheme);
  return [
    `.water{fill:${c('color-map-water')}}`,
    `.land{fill:${c('color-map-land')}}`,
    `.borders{fill:none;stroke:${c('color-map-border')};stroke-width:1;stroke-linejoin:round}`,
    `text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}`,
    `.route-line{fill:none;stroke:${c('color-map-halo')};stroke-width:8;stroke-linecap:round;stroke-linejoin:round;stroke-opacity:.9}`,
    `.route-leg{fill:none;stroke-width:3.5;stroke-linecap:round;stroke-linejoin:round}`,
    `.route-leg--pipeline{stroke:${c('color-route-pipeline')};stroke-width:4.5}`,
    `.route-leg--shipping{stroke:${c('color-route-shipping')};stroke-dasharray:9 6;stroke-linecap:butt}`,
    `.route-leg--rail{stroke:${c('color-route-rail')};stroke-dasharray:2 5;stroke-width:4.5}`,
    `.route-leg--road{stroke:${c('color-route-road')};stroke-dasharray:14 4 3 4;stroke-linecap:butt}`,
    `.place circle{fill:${c('color-map-place')};stroke:${c('color-map-halo')};stroke-width:2}`,
    `.place text{fill:${c('color-text')};paint-order:stroke;stroke:${c('color-map-halo')};stroke-width:3px;stroke-linejoin:round;font-weight:600}`,
    `.areas{font-size:11px}`,
    `.area--country{fill:${c('color-map-country-text')};letter-spacing:.14em;font-weight:600}`,
    `.area--sea{fill:${c('color-map-sea-text')};font-style:italic}`,
    `.scale path{fill:none;stroke:${c('color-text')};stroke-width:1.5}`,
    `.scale text{fill:${c('color-text')};font-size:11px}`,
    // The picture shrinks with the screen; on a phone its labels would shrink below legibility, so they grow.
    `@media (max-width:30rem){.places{font-size:20px}.areas{font-size:17px}.scale text{font-size:17px}}`,
  ].join('');
}

const styleMarker = '/*map-style*/';

/**
 * A picture drawn once for both schemes: `draw` is given a stand-in for the stylesheet, which each scheme's own
 * replaces, as the schemes differ only there. The drawing is let go once both have been served (a build asks for
 * each once, one after the other), so a thousand locator maps are not all held in memory.
 */
export function inBothSchemes(draw: (style: string) => string): (scheme: Scheme) => string {
  let drawn: string | undefined;
  const served = new Set<Scheme>();
  return (scheme) => {
    drawn ??= draw(styleMarker);
    const svg = drawn.replace(styleMarker, () => mapStyle(scheme));
    served.add(scheme);
    if (served.size === 2) {
      drawn = undefined;
      served.clear();
    }
    return svg;
  };
}
