/** The query parameter the target page reads to highlight the words searched for (Pagefind's highlight script). */
export const highlightParam = 'pagefind-highlight';
