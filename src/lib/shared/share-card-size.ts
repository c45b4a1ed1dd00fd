/** The size of a share card (og:image): 1200 × 630, the 1.91:1 that link previews show whole. */
export const shareCardSize = { width: 1200, height: 630 } as const;
