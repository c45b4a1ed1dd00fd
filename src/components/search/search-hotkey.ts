/**
 * `/` or Ctrl/Cmd+K focuses the search box: the search page's own box where there is one, else the header's. Not
 * while the reader is typing in a field, where both keys mean what they usually mean.
 */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey || isTyping(event.target)) return;
  const modified = event.ctrlKey || event.metaKey;
  const slash = event.key === '/' && !modified;
  const commandK = event.key.toLowerCase() === 'k' && modified && !event.shiftKey;
  if (!slash && !commandK) return;
  const input =
    document.querySelector<HTMLInputElement>('[data-search-input="page"]') ??
    document.querySelector<HTMLInputElement>('[data-search-input="header"]');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
