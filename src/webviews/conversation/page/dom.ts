/** Small DOM helpers of the page and its keyboard navigation between messages. */

export function div(className: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = className;
  return d;
}

export function text(s: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = s;
  return span;
}

export function codicon(name: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `codicon codicon-${name}`;
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/**
 * Arrow keys, Home and End move the focus between messages (from the log or a message); Tab then
 * reaches the focused message's actions. True when the key was used.
 */
export function moveFocus(log: HTMLElement, target: HTMLElement, key: string): boolean {
  if (target !== log && target.tagName !== 'ARTICLE') {
    return false;
  }
  const articles = [...log.querySelectorAll<HTMLElement>('article')];
  const at = articles.indexOf(target);
  let next: HTMLElement | undefined;
  if (key === 'ArrowUp') {
    next = at < 0 ? articles[articles.length - 1] : articles[Math.max(0, at - 1)];
  } else if (key === 'ArrowDown') {
    next = at < 0 ? articles[0] : articles[Math.min(articles.length - 1, at + 1)];
  } else if (key === 'End') {
    next = articles[articles.length - 1];
  } else if (key === 'Home') {
    next = articles[0];
  }
  if (!next) {
    return false;
  }
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
  return true;
}
